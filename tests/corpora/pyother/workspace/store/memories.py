"""Memory DAO on the workspace database."""

import psycopg

from kit.tables import MEMORY_TABLE
from kit import sqlbuild


class MemoryDAO:
    def __init__(self, conn_or_dsn) -> None:
        self.conn = psycopg.connect(conn_or_dsn) if isinstance(conn_or_dsn, str) else conn_or_dsn

    def for_org(self, org_id: str) -> list[tuple]:
        return self.conn.execute(sqlbuild.for_org(MEMORY_TABLE), (org_id,)).fetchall()

    def insert(self, row: dict) -> None:
        self.conn.execute(
            "INSERT INTO agent_memories (org_id, workspace_id, content) VALUES (%(org_id)s, %(workspace_id)s, %(content)s)",
            row,
        )

    def count(self) -> int:
        """This database holds one org: counting every row counts that org."""
        return self.conn.execute("SELECT count(*) FROM agent_memories").fetchone()[0]
