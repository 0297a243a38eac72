"""Paths of the workspace server's API, as the platform's fleet tools call them."""

HEALTH = "/healthz"
VERSION = "/version"
WORKSPACE_ACTIVITY = "/api/workspaces/{workspace_id}/activity"
WORKSPACE_MEMORIES = "/api/workspaces/{workspace_id}/memories"
