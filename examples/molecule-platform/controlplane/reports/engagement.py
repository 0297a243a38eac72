"""Monthly engagement league table across all orgs (customer-success dashboard)."""

from __future__ import annotations

from common.activity import activity_count  # expect: MOL104
from common.text import slugify
from controlplane.db import raw_connection
from controlplane.provisioning.status import host_status


def active_org_ids() -> list[str]:
    conn = raw_connection()
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM orgs WHERE deleted_at IS NULL")
        return [row[0] for row in cur.fetchall()]


def league_table(since: str) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for org_id in active_org_ids():  # expect: MOL202
        totals[org_id] = activity_count(org_id, since)  # expect: MOL101, MOL102
    return sorted(totals.items(), key=lambda item: item[1], reverse=True)


def fleet_health() -> dict[str, str]:
    return {slugify(org_id): host_status(org_id) for org_id in active_org_ids()}
