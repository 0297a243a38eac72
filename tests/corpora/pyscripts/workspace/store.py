"""Data access for the workspace server's own database."""

from acmelib import names


class NoteStore:
    def __init__(self, conn):
        self.conn = conn

    def for_workspace(self, workspace_id):
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT id, title, body FROM {names.NOTES} WHERE workspace_id = %s", (workspace_id,))
            return cur.fetchall()

    def status_counts(self, org_id):
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT status, count(*) FROM run_history WHERE org_id = %s GROUP BY status", (org_id,)
            )
            return dict(cur.fetchall())

    def activity_by_actor(self):
        with self.conn.cursor() as cur:
            cur.execute("SELECT actor, count(*) FROM activity_events GROUP BY actor")
            return cur.fetchall()
