"""Table names of the workspace schema, kept in one place for both services."""

from typing import Final

MEMORIES: Final = "memories"
ACTIVITY: Final = "activity_events"
MESSAGES: Final = "workspace_messages"
SCHEDULES: Final = "schedules"
