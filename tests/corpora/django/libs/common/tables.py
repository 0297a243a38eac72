"""Table names both services agree on (the workspace server owns the first four)."""

MEMORIES = "agent_memories"
ACTIVITY = "activity_events"
MESSAGES = "workspace_messages"
SCHEDULES = "workspace_schedules"

# The platform's own tables.
ORGS = "orgs"
MEMORY_QUOTAS = "memory_quotas"
DIGEST_SETTINGS = "activity_digest_settings"
