"""Staging cluster: one schema per org (org_<slug>) on a shared Postgres."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from libs.datalib import tables


def _union(table: str, slugs: list[str]) -> str:
    parts = [f"SELECT '{slug}' AS org, count(*) AS n FROM org_{slug}.{table}" for slug in slugs]
    return "\nUNION ALL\n".join(parts)


def memory_sizes(conn: Connection, slugs: list[str]) -> list[tuple[str, int]]:
    return [tuple(r) for r in conn.execute(text(_union(tables.MEMORIES, slugs)))]  # expect: MOL101, MOL201


def org_schema_count(conn: Connection) -> int:
    return conn.execute(text("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'org_%'")).scalar_one()
