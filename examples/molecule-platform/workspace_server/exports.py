"""Workspace exports, read from the org's database."""

from __future__ import annotations

from workspace_server.orgdb import connect_org


def workspace_rows(org: str, workspace_id: str) -> list[tuple]:
    with connect_org(org) as conn:
        return conn.execute("SELECT id, name FROM workspaces WHERE id = %s", (workspace_id,)).fetchall()
