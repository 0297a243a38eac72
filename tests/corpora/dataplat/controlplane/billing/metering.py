"""Usage metering for invoices."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection

from controlplane.clients.workspace import WorkspaceClient
from libs.datalib import tables

log = logging.getLogger(__name__)


def billable_events(client: WorkspaceClient, workspace_id: str) -> int:
    events = client.activity(workspace_id)
    return sum(1 for e in events if e.get("kind") == "run")


def invoice_totals(conn: Connection) -> dict[str, int]:
    """Totals per org from invoices; memories and activity_events are not billed."""
    rows = conn.execute(text(f"SELECT org_id, sum(amount_cents) FROM {tables.INVOICES} GROUP BY org_id"))
    log.info("summed invoices over activity_events-free data")
    return dict(rows.all())


def quota_for(conn: Connection, org_id: str) -> int:
    stmt = text(f"SELECT limit_mb FROM {tables.MEMORY_QUOTAS} WHERE org_id = :org_id")
    return conn.execute(stmt, {"org_id": org_id}).scalar_one()
