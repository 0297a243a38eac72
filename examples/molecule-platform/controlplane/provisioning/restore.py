"""Snapshot restore for tenant hosts (EBS snapshot -> fresh host)."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def restore_plan(org_id: str, snapshot_id: str) -> dict[str, str]:
    # Imported lazily so the API process does not load tenant settings at startup.
    from common.settings import tenant_dsn  # expect: MOL104

    return {"org_id": org_id, "snapshot": snapshot_id, "verify_dsn": tenant_dsn()}  # expect: MOL102


def backfill_legacy_schedules(conn) -> int:
    """Copy pre-RFC schedules into provision_jobs so restored hosts re-create them."""
    with conn.cursor() as cur:
        cur.execute("SELECT id, workspace_id, cron FROM schedules WHERE legacy")  # molecule-lint: ignore[MOL101] -- one-off pre-RFC backfill, deleted with migration 0003 (expect-suppressed: MOL101)
        rows = cur.fetchall()
        payloads = [(f"{workspace_id} {cron}",) for _, workspace_id, cron in rows]
        cur.executemany("INSERT INTO provision_jobs (kind, status, payload) VALUES ('restore_schedule', 'pending', %s)", payloads)
    conn.commit()
    logger.info("backfilled %d legacy schedules", len(payloads))
    return len(payloads)
