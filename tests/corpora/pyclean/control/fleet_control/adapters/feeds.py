"""Raw-SQL readers, for the queries the ORM makes awkward."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, text

from kernel.naming import ControlTable, WorkspaceTable


class ActivityFeedDAO:
    """Reads a workspace's activity over the support replica."""

    table = WorkspaceTable.ACTIVITY

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def latest(self, org_id: str, limit: int = 50) -> list[Row[Any]]:
        stmt = text(f"SELECT id, kind, created_at FROM {self.table} WHERE org_id = :org_id ORDER BY created_at DESC LIMIT :limit")  # expect: MOL101
        return list(self._conn.execute(stmt, {"org_id": org_id, "limit": limit}))

    def volume_by_org(self) -> list[Row[Any]]:
        stmt = text(f"SELECT org_id, count(*) AS events FROM {self.table} GROUP BY org_id")  # expect: MOL101, MOL201
        return list(self._conn.execute(stmt))


class AuditDAO:
    """The control plane's own audit trail."""

    table = ControlTable.ACTIVITY_AUDIT

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def volume_by_org(self) -> list[Row[Any]]:
        stmt = text(f"SELECT org_id, count(*) AS actions FROM {self.table} GROUP BY org_id")
        return list(self._conn.execute(stmt))
