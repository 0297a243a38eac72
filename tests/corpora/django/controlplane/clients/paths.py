"""Routes of the workspace server's API, relative to its base URL."""

MEMORIES = "api/v1/workspaces/{workspace_id}/memories"
STATUS = "api/v1/workspaces/{workspace_id}/status"
HEALTH = "healthz"
