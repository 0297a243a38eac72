"""Names of the workspace tables, shared by the workspace service and the event schemas that refer to them."""

MEMORIES = "memories"
ACTIVITY = "activity_events"
MESSAGES = "workspace_messages"
