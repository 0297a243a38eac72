"""Paths of the workspace server's API that the fleet is allowed to know about."""

HEALTH = "/healthz"
VERSION = "/version"
WS_MEMORIES = "/api/workspaces/{workspace_id}/memories/"
WS_ACTIVITY = "/api/workspaces/{workspace_id}/activity/"
WS_MESSAGES = "/api/workspaces/%s/messages/"
