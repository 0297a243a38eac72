"""Nightly jobs fanned out over every org."""

import logging

import dramatiq
from dramatiq import group
from sqlalchemy import create_engine, text
from sqlmodel import Session, select

from controlplane.adapters.tenant_tables import RunRecord
from controlplane.domain.model import Organization
from controlplane.settings import settings
from libs.kernel.names import RUNS_TABLE

log = logging.getLogger(__name__)

TENANT_DSN = "postgresql+psycopg://runtime:{password}@{host}:5432/runtime"


def tenant_dsn(org: Organization) -> str:
    return TENANT_DSN.format(password="x", host=org.host)


def open_tenant(dsn: str):
    return create_engine(dsn).connect()


def tenant_connection(org: Organization):
    return open_tenant(tenant_dsn(org))


@dramatiq.actor(queue_name="fleet")
def collect_runs(org_id: str, host: str) -> None:
    org = Organization(id=org_id, name="", host=host, created_at=None)
    with tenant_connection(org) as conn:
        n = conn.execute(text(f"SELECT count(*) FROM {RUNS_TABLE} WHERE org_id = :o"), {"o": org_id}).scalar()
    log.info("org %s has %s rows in run_history", org_id, n)


def fan_out_collect() -> None:
    platform = create_engine(settings.db.platform.url)
    with Session(platform) as session:
        orgs = session.exec(select(Organization)).all()
    group([collect_runs.message(o.id, o.host) for o in orgs]).run()


def fleet_run_minutes() -> dict[str, int]:
    platform = create_engine(settings.db.platform.url)
    totals: dict[str, int] = {}
    with Session(platform) as session:
        orgs = session.exec(select(Organization)).all()
    for org in orgs:
        with Session(bind=tenant_connection(org)) as tenant_session:
            rows = tenant_session.exec(select(RunRecord).where(RunRecord.org_id == org.id)).all()
            totals[org.id] = sum(r.duration_ms for r in rows) // 60000
    return totals


def nightly_invoices() -> None:
    """Loops over orgs, but only touches the platform's own invoices table."""
    platform = create_engine(settings.db.platform.url)
    with Session(platform) as session:
        for org in session.exec(select(Organization)).all():
            session.execute(text("INSERT INTO invoices (org_id, amount_cents) VALUES (:o, 0)"), {"o": org.id})
        session.commit()
