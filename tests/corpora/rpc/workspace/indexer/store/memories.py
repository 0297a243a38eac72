"""Data access for the indexer's memories table."""
from __future__ import annotations

import psycopg
from psycopg import sql

MEMORIES = sql.Identifier("memories")


class MemoryRepository:
    def __init__(self, conn: psycopg.Connection) -> None:
        self._conn = conn

    def purge_older_than(self, days: int) -> int:
        query = sql.SQL("DELETE FROM {} WHERE created_at < now() - make_interval(days => %s)").format(MEMORIES)
        with self._conn.cursor() as cur:
            cur.execute(query, (days,))
            return cur.rowcount

    def count_for(self, org_id: str) -> int:
        with self._conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM memories WHERE org_id = %s", (org_id,))
            return cur.fetchone()[0]
