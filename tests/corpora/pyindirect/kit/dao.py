"""Table-generic data access: subclasses choose the table."""

from typing import ClassVar

import psycopg

from .schema import ControlTable


class TableDAO:
    def __init__(self, conn: psycopg.Connection, table: str) -> None:
        self.conn = conn
        self.table = table

    def count_for(self, org_id: str) -> int:
        row = self.conn.execute(f"SELECT count(*) AS n FROM {self.table} WHERE org_id = %s", (org_id,)).fetchone()
        return row["n"]


class Exporter:
    """Copies one org's rows of `table`; the ledger unless a subclass says otherwise."""

    table: ClassVar[str] = ControlTable.LEDGER

    def export(self, conn: psycopg.Connection, org_id: str) -> list[dict]:
        return conn.execute(f"SELECT * FROM {self.table} WHERE org_id = %s", (org_id,)).fetchall()


class Cleanup:
    """Deletes rows older than `keep_days` from the table a mixin names."""

    table_name: str
    keep_days = 30

    def run(self, conn: psycopg.Connection) -> None:
        conn.execute(
            f"DELETE FROM {self.table_name} WHERE created_at < now() - make_interval(days => %s)",
            (self.keep_days,),
        )
