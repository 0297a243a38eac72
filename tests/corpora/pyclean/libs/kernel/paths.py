"""URL paths of the workspace server API, built in one place for the server and its SDK."""

API_PREFIX = "/v1"
HEALTH = "/healthz"


def workspace_path(workspace_id: str, *parts: str) -> str:
    return "/".join([API_PREFIX, "workspaces", workspace_id, *parts])
