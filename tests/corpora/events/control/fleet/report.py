"""Nightly fleet report: one Celery task per org, merged by a chord callback."""

from __future__ import annotations

from celery import chord, group, shared_task
from sqlalchemy import text

from control.fleet.stores import control_connection, workspace_connection
from dbkit.sql import rows_of_org, table_size
from eventkit import tables


def list_org_ids() -> list[str]:
    with control_connection() as conn:
        return [row[0] for row in conn.execute(text("SELECT id FROM orgs WHERE status = 'active'"))]


@shared_task(name="fleet.nightly_report")
def nightly_report() -> None:
    header = group(org_activity_summary.s(org_id) for org_id in list_org_ids())  # expect: MOL202
    chord(header)(store_report.s())


@shared_task(bind=True, max_retries=3, name="fleet.org_activity_summary")
def org_activity_summary(self, org_id: str) -> dict[str, int | str]:
    with workspace_connection() as conn:
        n = conn.execute(text(rows_of_org(tables.ACTIVITY)), {"org_id": org_id}).scalar_one()  # expect: MOL101
    return {"org_id": org_id, "activity": n}


@shared_task(name="fleet.store_report")
def store_report(rows: list[dict[str, int | str]]) -> None:
    with control_connection() as conn:
        conn.execute(text("INSERT INTO fleet_reports (rows) VALUES (:rows)"), {"rows": len(rows)})


@shared_task(name="fleet.platform_sizes")
def platform_sizes() -> dict[str, int]:
    """Sizes of the control tables only (never memories or activity_events)."""
    with control_connection() as conn:
        return {name: conn.execute(text(table_size(name))).scalar_one() for name in ("orgs", "usage_events", "invoices")}
