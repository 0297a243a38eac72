"""SLA report: slow agent runs and late invoices, thresholds in ops.ini."""

from opsjobs.db import fleet_conn, ops_conn
from opsjobs.settings import ini


def slow_runs():
    table = ini.get("sla", "runs_table")
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.execute(  # expect: MOL101, MOL201
            f"SELECT workspace_id, count(*) FROM {table} WHERE duration_ms > %s GROUP BY workspace_id",
            (ini.getint("sla", "max_ms"),),
        )
        return cur.fetchall()


def late_invoices():
    table = ini["sla"]["invoices_table"]
    with ops_conn() as conn, conn.cursor() as cur:
        cur.execute(f"SELECT account_id, count(*) FROM {table} WHERE paid_at IS NULL GROUP BY account_id")
        return cur.fetchall()
