"""Table names, in one place so ops scripts and services agree."""

MEMORIES = "agent_memories"
ACTIVITY = "activity_logs"
WORKSPACES = "workspaces"

# Control plane
ORGS = "orgs"
USAGE = "usage_records"
