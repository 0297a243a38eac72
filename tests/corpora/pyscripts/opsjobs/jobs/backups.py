"""Nightly table backups to S3 (run by the ops-backup CronJob)."""

import gzip

import pandas as pd
from requests_toolbelt.sessions import BaseUrlSession

from acmelib import names
from opsjobs import settings
from opsjobs.db import fleet_conn, ops_conn, ops_engine


def backup_secrets(path):
    with fleet_conn() as conn, conn.cursor() as cur, gzip.open(path, "wt") as fh:
        cur.copy_to(fh, names.SECRETS, sep="\t")  # expect: MOL101


def backup_invoices(path):
    with ops_conn() as conn, conn.cursor() as cur, gzip.open(path, "wt") as fh:
        cur.copy_to(fh, names.INVOICES, sep="\t")


def rollup_frame():
    return pd.read_sql_table(names.ROLLUPS, ops_engine())


def events_frame(engine):
    return pd.read_sql_table(table_name=names.EVENTS, con=engine, columns=["org_id", "verb"])  # expect: MOL101


def snapshot_runs(ws_base_url, workspace_id):
    api = BaseUrlSession(base_url=ws_base_url or settings.WORKSPACE_BASE_URL)
    api.get("healthz").raise_for_status()
    return api.get(f"api/v1/workspaces/{workspace_id}/runs").json()  # expect: MOL103
