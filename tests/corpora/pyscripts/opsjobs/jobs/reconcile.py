"""Reconcile billing with usage, org by org."""

from concurrent.futures import ThreadPoolExecutor

from acmelib import names
from opsjobs.db import fleet_conn, ops_conn
from opsjobs.etl.pipeline import notes_of


def active_orgs():
    with ops_conn() as conn, conn.cursor() as cur:
        cur.execute("SELECT org_id FROM accounts WHERE plan <> 'cancelled'")
        return [row[0] for row in cur.fetchall()]


def invoice_total(org_id):
    with ops_conn() as conn, conn.cursor() as cur:
        cur.execute("SELECT sum(amount_cents) FROM invoices i JOIN accounts a ON a.id = i.account_id WHERE a.org_id = %s", (org_id,))
        return cur.fetchone()[0] or 0


def runs_of(org_id):
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.execute("SELECT status, duration_ms FROM %s WHERE org_id = %%s" % names.RUNS, (org_id,))  # expect: MOL101
        return cur.fetchall()


def billed_total():
    total = 0
    for org in active_orgs():
        total += invoice_total(org)
    return total


def fleet_note_total():
    total = 0
    for org in active_orgs():  # expect: MOL202
        total += notes_of(org)
    return total


def fleet_runs():
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(active_orgs(), pool.map(runs_of, active_orgs())))  # expect: MOL202
