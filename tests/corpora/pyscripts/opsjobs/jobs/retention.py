"""Retention: purge old rows. Run by the ops-retention CronJob."""

from acmelib import names
from opsjobs.db import fleet_conn, ops_conn

PLATFORM_TABLES = (names.INVOICES, "provision_requests", "dns_zones")


def purge_older_than(cur, table, days):
    """Delete rows of `table` older than `days` days; only ever given platform tables."""
    cur.execute(" ".join(["DELETE FROM", table, "WHERE created_at < now() - %s * interval '1 day'"]), (days,))


def purge_platform(days=400):
    with ops_conn() as conn, conn.cursor() as cur:
        for table in PLATFORM_TABLES:
            purge_older_than(cur, table, days)


def stale_runs_query(statuses):
    query = "DELETE FROM " + names.RUNS + " WHERE false"
    for status in statuses:
        query += " OR status = '%s'" % status  # expect: MOL101
    return query


def purge_stale_runs():
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.execute(stale_runs_query(["failed", "cancelled"]))  # expect: MOL101
