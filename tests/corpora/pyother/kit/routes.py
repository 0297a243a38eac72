"""Route templates of the workspace API, shared by its server and its clients."""

ACTIVITY_PATH = "/api/workspaces/{ws}/activity"
MESSAGES_ROUTE = "/api/workspaces/%s/messages"
READY_PATH = "/readyz"
