"""DNS records of org hosts."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from libs.datalib import tables


def records_for(conn: Connection, org_id: str) -> list[str]:
    """Hostnames of an org (memories.<org>.molecule.dev and friends)."""
    stmt = text("SELECT hostname FROM dns_records WHERE org_id = :org_id")
    return [row[0] for row in conn.execute(stmt, {"org_id": org_id})]


def records_per_zone(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(text("SELECT zone, count(*) FROM dns_records GROUP BY zone")).all())


def org_count(conn: Connection) -> int:
    return conn.execute(text(f"SELECT count(*) FROM {tables.ORGS}")).scalar_one()
