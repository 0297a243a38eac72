"""Monday digest: plan mix, and the verbs tenants used most last week."""

import dataset
import records
from sqlalchemy import func, select

from acmelib import names
from acmelib.tables import accounts, activity
from opsjobs import settings
from opsjobs.db import ops_engine


class RunRepository:
    table = names.RUNS

    def __init__(self, db):
        self.db = db

    def failures(self, since):
        return self.db.query(f"SELECT workspace_id, agent_name FROM {self.table} WHERE status = 'failed' AND started_at > :since", since=since)  # expect: MOL101


class InvoiceRepository:
    table = names.INVOICES

    def __init__(self, db):
        self.db = db

    def unpaid(self):
        return self.db.query(f"SELECT account_id, amount_cents FROM {self.table} WHERE paid_at IS NULL")


def plan_mix():
    stmt = select(accounts.c.plan, func.count()).group_by(accounts.c.plan)
    with ops_engine().connect() as conn:
        return conn.execute(stmt).all()


def top_verbs():
    stmt = select(activity.c.verb, func.count().label("n")).group_by(activity.c.verb)  # expect: MOL101, MOL201
    with ops_engine().connect() as conn:
        return conn.execute(stmt).all()


def recent_failures(since):
    db = records.Database(settings.OPS_DATABASE_URL)
    return RunRepository(db).failures(since)


def unpaid_invoices():
    return InvoiceRepository(records.Database(settings.OPS_DATABASE_URL)).unpaid()


def pinned_notes(org_id):
    db = dataset.connect(settings.OPS_DATABASE_URL)
    return list(db[names.NOTES].find(org_id=org_id, pinned=True))  # expect: MOL101


def account_notes(account_id):
    db = dataset.connect(settings.OPS_DATABASE_URL)
    return list(db[names.ACCOUNT_NOTES].find(account_id=account_id))
