"""Provisioning jobs: a generic helper that is only ever given platform tables."""

import psycopg
from psycopg import sql

from kit.tables import PlatformTable


def purge_org(conn: psycopg.Connection, table: str, org_id: str) -> None:
    conn.execute(sql.SQL("DELETE FROM {} WHERE org_id = %s").format(sql.Identifier(table)), (org_id,))


def retire(conn: psycopg.Connection, org_id: str) -> None:
    """Drop an org's platform records; its agent_memories go with its host."""
    for table in ("provision_jobs", "dns_records", PlatformTable.SUBSCRIPTIONS.value):
        purge_org(conn, table, org_id)
