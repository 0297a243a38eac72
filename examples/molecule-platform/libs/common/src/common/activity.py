"""Activity counters over an org's own activity_logs (meant for tenant-side callers)."""

from __future__ import annotations

from sqlalchemy import text

from .db import tenant_engine


def activity_count(org_id: str, since: str) -> int:
    with tenant_engine().connect() as conn:
        row = conn.execute(
            text("SELECT count(*) FROM activity_logs WHERE org_id = :org AND created_at >= :since"),
            {"org": org_id, "since": since},
        ).one()
    return int(row[0])
