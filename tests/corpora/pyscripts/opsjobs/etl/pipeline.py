"""Extract -> transform -> load, one plain function per step (scheduled by opsjobs.scheduler)."""

import csv
import io
import logging

from acmelib import names
from acmelib.sqlbits import copy_out, union_over_schemas
from opsjobs.db import fleet_conn, ops_conn
from opsjobs.etl.queries import INVOICE_TOTALS, RUN_DURATIONS

log = logging.getLogger(__name__)

NOTE_EXPORT_PARAMS = {"table": names.NOTES, "cols": "org_id, workspace_id, title"}
BILLING_EXPORT_PARAMS = {"table": names.ACCOUNT_NOTES, "cols": "account_id, author, body"}


def extract_durations(since):
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.execute(RUN_DURATIONS % {"since": repr(since)})  # expect: MOL101, MOL201
        return cur.fetchall()


def extract_invoices(since):
    with ops_conn() as conn, conn.cursor() as cur:
        cur.execute(INVOICE_TOTALS, {"since": since})
        return cur.fetchall()


def dump_notes(fh):
    """Stream every org's notes to CSV for the search re-index."""
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.copy_expert(copy_out(names.NOTES, "org_id, title, body"), fh)  # expect: MOL101, MOL201


def dump_rows(params):
    query = "SELECT {cols} FROM {table} ORDER BY 1".format(**params)
    with ops_conn() as conn, conn.cursor() as cur:
        cur.execute(query)
        return cur.fetchall()


def export_account_notes():
    return dump_rows(BILLING_EXPORT_PARAMS)


def pinned_count(params, org_id):
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM {table} WHERE org_id = %s".format(**params), (org_id,))
        return cur.fetchone()[0]


def notes_of(org_id):
    return pinned_count(NOTE_EXPORT_PARAMS, org_id)  # expect: MOL101


def schema_totals(schemas):
    with fleet_conn() as conn, conn.cursor() as cur:
        cur.execute(union_over_schemas(schemas, names.EVENTS))  # expect: MOL101
        return cur.fetchall()


def transform(rows):
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def run(since):
    log.info("etl: run_history durations since %s", since)
    return transform(extract_durations(since)), transform(extract_invoices(since))
