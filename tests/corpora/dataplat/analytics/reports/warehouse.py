"""Reflected-table reports (SQLAlchemy Core)."""

from __future__ import annotations

from sqlalchemy import MetaData, Table, func, select
from sqlalchemy.engine import Engine

from libs.datalib import tables


def _reflect(engine: Engine, name: str) -> Table:
    meta = MetaData()
    meta.reflect(bind=engine, only=[name])
    return meta.tables[name]


def workspace_status(engine: Engine) -> list[tuple]:
    ws = _reflect(engine, tables.WORKSPACES)
    stmt = select(ws.c.org_id, ws.c.status, func.count()).group_by(ws.c.org_id, ws.c.status)  # expect: MOL101, MOL201
    with engine.connect() as conn:
        return list(conn.execute(stmt))


def usage_per_org(engine: Engine) -> list[tuple]:
    usage = Table(tables.BILLING_USAGE, MetaData(), autoload_with=engine)
    stmt = select(usage.c.org_id, func.sum(usage.c.seat_hours)).group_by(usage.c.org_id)
    with engine.connect() as conn:
        return list(conn.execute(stmt))


def hosts_per_region(engine: Engine) -> list[tuple]:
    hosts = Table(tables.HOSTS, MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        return list(conn.execute(select(hosts.c.region, func.count()).group_by(hosts.c.region)))
