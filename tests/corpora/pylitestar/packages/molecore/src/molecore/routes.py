"""Paths of the workspace server's public API, shared by its controllers and its clients."""

MEMORIES = "/workspaces/{workspace_id}/memories"
ACTIVITY = "/workspaces/{workspace_id}/activity"
MESSAGES = "/workspaces/{workspace_id}/messages"
HEALTH = "/healthz"
