"""Reporting helpers over a workspace database connection."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from libs.datalib import tables


def memory_stats(conn: Connection) -> list[tuple[str, int]]:
    """Memories per org, newest first."""
    rows = conn.execute(text(f"SELECT org_id, count(*) FROM {tables.MEMORIES} GROUP BY org_id ORDER BY 2 DESC"))  # expect: MOL201
    return [(row[0], row[1]) for row in rows]


def table_size(conn: Connection, table: str) -> int:
    return conn.execute(text(f"SELECT pg_total_relation_size('{table}')")).scalar_one()
