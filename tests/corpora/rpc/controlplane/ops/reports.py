"""Weekly ops report e-mailed to the team."""
from __future__ import annotations

import logging

import psycopg

from controlplane.ops import sql
from controlplane.ops.settings import settings

log = logging.getLogger(__name__)


class ReportQueries:
    def __init__(self, conn: psycopg.Connection) -> None:
        self._conn = conn

    def _rows(self, query: str) -> list[tuple]:
        with self._conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    def schedules_per_org(self) -> list[tuple]:
        return self._rows(sql.SCHEDULES_PER_ORG)  # expect: MOL201

    def subscriptions_per_plan(self) -> list[tuple]:
        return self._rows(sql.SUBSCRIPTIONS_PER_PLAN)

    def orgs_per_region(self) -> list[tuple]:
        # Not "SELECT count(*) FROM memories": that lives in each tenant and is none of our business.
        return self._rows(sql.ORGS_PER_REGION)


def weekly() -> dict[str, list[tuple]]:
    log.info("building weekly report (memories and schedules stay in the tenants)")
    with psycopg.connect(settings.database_url) as conn:
        q = ReportQueries(conn)
        return {"plans": q.subscriptions_per_plan(), "regions": q.orgs_per_region(), "schedules": q.schedules_per_org()}
