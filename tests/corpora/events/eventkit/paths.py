"""Routes of the workspace API, for clients that build URLs from them."""

MEMORIES_PATH = "/v1/workspaces/{workspace_id}/memories"
ACTIVITY_PATH = "/v1/workspaces/{workspace_id}/activity"
HEALTH_PATH = "/healthz"
