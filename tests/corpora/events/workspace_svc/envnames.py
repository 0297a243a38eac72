"""Env variables the workspace reads besides its pydantic settings."""

CONTROL_ENV = "CONTROL_PLANE_URL"
ORG_HEADER = "X-Org-Id"
