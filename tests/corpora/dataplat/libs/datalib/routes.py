"""Route templates of the services, for clients."""

WORKSPACE_MEMORIES = "/api/workspaces/{workspace_id}/memories"
WORKSPACE_ACTIVITY = "/api/workspaces/{workspace_id}/activity"
WORKSPACE_HEALTH = "/healthz"

CONTROL_HOSTS = "/v1/hosts"
