import psycopg

from kit.schema import WsTable


class RunRepository:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def purge_older_than(self, days: int) -> None:
        self.conn.execute(f"DELETE FROM {WsTable.RUNS} WHERE created_at < now() - make_interval(days => %s)", (days,))

    def status_counts(self, org_id: str) -> list[dict]:
        sql = f"SELECT status, count(*) AS n FROM {WsTable.RUNS} WHERE org_id = %s GROUP BY status"
        return self.conn.execute(sql, (org_id,)).fetchall()


class PgRunSource:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def recent(self, org_id: str, limit: int = 100) -> list[dict]:
        sql = f"SELECT id, status FROM {WsTable.RUNS} WHERE org_id = %s ORDER BY started_at DESC LIMIT %s"
        return self.conn.execute(sql, (org_id, limit)).fetchall()
