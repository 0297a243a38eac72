"""Nightly export of per-org usage to the billing warehouse."""

import logging

from psycopg2 import sql
from psycopg2.extras import execute_values

from acmelib import names
from opsjobs.db import fleet_conn, ops_conn

log = logging.getLogger(__name__)

PER_ORG = sql.SQL("SELECT org_id, count(*) FROM {table} GROUP BY org_id")


def note_counts():
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.execute(PER_ORG.format(table=sql.Identifier(names.NOTES)))  # expect: MOL101, MOL201
        return dict(cur.fetchall())


def invoice_counts():
    with ops_conn() as conn, conn.cursor() as cur:
        cur.execute(PER_ORG.format(table=sql.Identifier(names.INVOICES)))
        return dict(cur.fetchall())


def write_seats(rows):
    log.info("writing %d seat rollups (ws_notes is not read here)", len(rows))
    with ops_conn() as conn, conn.cursor() as cur:
        execute_values(cur, "INSERT INTO usage_rollups (account_id, period, seats) VALUES %s", rows)


def run(period):
    counts = invoice_counts()
    write_seats([(account, period, n) for account, n in counts.items()])
