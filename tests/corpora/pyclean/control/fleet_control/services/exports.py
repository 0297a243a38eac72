"""Per-organisation data exports, dispatched on the export kind."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, text

from kernel.exports import MemoryExport  # expect: MOL104
from kernel.naming import ControlTable, WorkspaceTable


class ExportKind(StrEnum):
    INVOICES = "invoices"
    DNS = "dns"
    MEMORIES = "memories"


EXPORT_TABLES: dict[ExportKind, str] = {
    ExportKind.INVOICES: ControlTable.INVOICES,
    ExportKind.DNS: ControlTable.DNS_RECORDS,
    ExportKind.MEMORIES: WorkspaceTable.MEMORIES,
}


def export_rows(conn: Connection, kind: ExportKind, org_id: str) -> list[Row[Any]]:
    table = EXPORT_TABLES[kind]
    return list(conn.execute(text(f"SELECT * FROM {table} WHERE org_id = :org_id"), {"org_id": org_id}))


def billing_export(conn: Connection, org_id: str) -> list[Row[Any]]:
    return export_rows(conn, ExportKind.INVOICES, org_id)


def gdpr_export(conn: Connection, org_id: str) -> list[MemoryExport]:
    rows = export_rows(conn, ExportKind.MEMORIES, org_id)  # expect: MOL101
    return [MemoryExport(id=r.id, workspace_id=r.workspace_id, body=r.body) for r in rows]
