"""Workspace server routes, shared by the server and its clients."""

MEMORIES = "/workspaces/{workspace_id}/memories"
ACTIVITY = "/workspaces/{workspace_id}/activity"
STATUS = "/workspaces/{workspace_id}/status"
HEALTH = "/healthz"


def memories_path(workspace_id: str) -> str:
    return MEMORIES.format(workspace_id=workspace_id)


def activity_path(workspace_id: str) -> str:
    return ACTIVITY.format(workspace_id=workspace_id)
