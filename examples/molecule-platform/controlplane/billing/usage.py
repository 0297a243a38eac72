"""Usage-based billing: token and storage metering per org."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from controlplane.models import UsageReport
from workspace_server.store.models import Memory  # expect: MOL104

# usage_reports is the platform's own table: each tenant's runtime pushes one
# row per month. The tenant keeps a local buffer table of the same name.
MONTHLY_ROLLUP = text(
    "SELECT org_id, SUM(tokens) AS tokens, SUM(storage_bytes) AS storage_bytes "
    "FROM usage_reports WHERE period = :period GROUP BY org_id"
)


def monthly_rollup(session: Session, period: date) -> list[dict]:
    rows = session.execute(MONTHLY_ROLLUP, {"period": period})
    return [dict(row._mapping) for row in rows]


def latest_report(session: Session, org_id: str) -> UsageReport | None:
    stmt = select(UsageReport).where(UsageReport.org_id == org_id).order_by(UsageReport.period.desc())
    return session.scalars(stmt).first()


def memories_for_invoice(session: Session, workspace_id: str) -> list[Memory]:
    # FIXME(billing): bill storage from usage_reports, not by listing agent_memories.
    stmt = select(Memory).where(Memory.workspace_id == workspace_id)  # expect: MOL101
    return list(session.scalars(stmt))
