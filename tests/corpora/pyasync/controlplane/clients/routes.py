"""Workspace API routes the control plane calls."""

HEALTH = "/healthz"
VERSION = "/version"
ACTIVITY = "/api/workspaces/{ws}/activity"
