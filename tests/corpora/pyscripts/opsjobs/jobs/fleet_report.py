"""Weekly fleet report, mailed to the fleet team."""

import pandas as pd
from jinja2 import Template
from sqlalchemy import create_engine, text

from acmelib import names
from acmelib.sqlbits import count_rows
from opsjobs import settings

WEEKLY = Template(
    "SELECT org_id, date_trunc('week', created_at) AS wk, count(*) AS n FROM {{ table }} GROUP BY org_id, wk"
)


def weekly_activity(engine):
    query = WEEKLY.render(table=names.EVENTS)
    return pd.read_sql(query, engine)  # expect: MOL101, MOL201


def weekly_invoices(engine):
    return pd.read_sql(WEEKLY.render(table=names.INVOICES), engine)


def secret_total(engine):
    with engine.connect() as conn:
        return conn.execute(text(count_rows(names.SECRETS))).scalar()  # expect: MOL101, MOL201


def account_total(engine):
    with engine.connect() as conn:
        return conn.execute(text(count_rows(names.ACCOUNTS))).scalar()


def build(recipients):
    engine = create_engine(settings.fleet_dsn())  # expect: MOL102
    ops = create_engine(settings.OPS_DATABASE_URL)
    return {
        "activity": weekly_activity(engine),
        "secrets": secret_total(engine),
        "invoices": weekly_invoices(ops),
        "accounts": account_total(ops),
        "to": recipients,
    }
