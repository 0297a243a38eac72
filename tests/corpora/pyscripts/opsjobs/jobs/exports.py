"""CSV exports for the data team; what each one holds is configured in opsjobs/jobs.yaml."""

from pathlib import Path

import yaml

from opsjobs.db import fleet_conn, ops_conn

with open(Path(__file__).parent.parent / "jobs.yaml") as fh:
    JOBS = yaml.safe_load(fh)

EXPORTS = JOBS["exports"]


def export_csv(conn, spec, out):
    with conn.cursor() as cur:
        cur.copy_expert(f"COPY (SELECT {spec['columns']} FROM {spec['table']}) TO STDOUT WITH CSV HEADER", out)


def export_notes(out):
    with fleet_conn() as conn:
        export_csv(conn, EXPORTS["notes"], out)  # expect: MOL101, MOL201


def export_invoices(out):
    with ops_conn() as conn:
        export_csv(conn, EXPORTS["invoices"], out)
