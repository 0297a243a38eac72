"""Table names used by analytics jobs on both sides."""

EVENTS_TABLE = "workspace_events"
MEMORIES_TABLE = "agent_memories"
BILLING_EVENTS = "billing_events"
PROVISION_JOBS = "provision_jobs"


class TableNames:
    messages = "chat_messages"
    quotas = "message_quotas"
    secrets = "workspace_secrets"
