"""Table names, so raw SQL and the ORM agree. Constants only: no data access."""

MEMORIES_TABLE = "agent_memories"
ACTIVITY_TABLE = "activity_logs"
MESSAGES_TABLE = "workspace_messages"
SCHEDULES_TABLE = "schedules"
