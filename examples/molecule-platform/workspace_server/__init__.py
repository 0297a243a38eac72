"""Workspace server: the per-org API for workspaces, memories and activity (tenant host)."""
