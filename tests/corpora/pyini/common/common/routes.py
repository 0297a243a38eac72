"""Paths of the workspace server's HTTP API."""

MEMORIES_PATH = "/v1/workspaces/{ws}/memories"
ACTIVITY_PATH = "/v1/workspaces/{ws}/activity"
HEALTH_PATH = "/healthz"
