"""Usage-based billing: storage per org, and the plan limits we bill against."""

import logging

import psycopg

from kit import sqlbuild
from kit.tables import MEMORY_TABLE, PlatformTable, TenantTable

log = logging.getLogger(__name__)


def memory_bytes(conn: psycopg.Connection, org_id: str) -> int:
    log.info("billing storage from agent_memories for %s", org_id)
    with conn.cursor() as cur:
        cur.execute(sqlbuild.for_org(MEMORY_TABLE, "size_bytes"), (org_id,))  # expect: MOL101
        return sum(row[0] for row in cur.fetchall())


def activity_histogram(conn: psycopg.Connection) -> dict[str, int]:
    with conn.cursor() as cur:
        cur.execute(sqlbuild.count_by(TenantTable.ACTIVITY))  # expect: MOL101, MOL201
        return dict(cur.fetchall())


def quota_histogram(conn: psycopg.Connection) -> dict[str, int]:
    """Like activity_histogram, but over the platform's own activity_quotas table."""
    with conn.cursor() as cur:
        cur.execute(sqlbuild.count_by(PlatformTable.ACTIVITY_QUOTAS))
        return dict(cur.fetchall())


def seats(conn: psycopg.Connection, org_id: str) -> int:
    with conn.cursor() as cur:
        cur.execute(sqlbuild.for_org(PlatformTable.SUBSCRIPTIONS, "seats"), (org_id,))
        return cur.fetchone()[0]
