"""Table names, kept in one place so that renames touch one file."""

MEMORIES = "agent_memories"
ACTIVITY = "activity_log"
SCHEDULES = "schedules"

# control hub's own tables
QUOTAS = "memory_quotas"
SNAPSHOTS = "usage_snapshots"
