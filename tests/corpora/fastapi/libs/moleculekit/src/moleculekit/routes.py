"""Route templates of the workspace API, shared by its router and its clients."""

from enum import StrEnum

API_PREFIX = "/api/v1"


class WorkspaceRoute(StrEnum):
    MEMORIES = f"{API_PREFIX}/workspaces/{{workspace_id}}/memories"
    ACTIVITY = f"{API_PREFIX}/workspaces/{{workspace_id}}/activity"
    MESSAGES = f"{API_PREFIX}/workspaces/{{workspace_id}}/messages"
    STATUS = f"{API_PREFIX}/workspaces/{{workspace_id}}/status"
    HEALTH = "/healthz"
