"""Parallel per-org scans for the quarterly security review."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

from sqlalchemy import MetaData, Table, func, select, text

from analytics import queries, settings
from analytics.reports import engines
from libs.datalib import tables


def _activity_table(engine):
    return Table(tables.ACTIVITY, MetaData(), autoload_with=engine)


def _activity_for(target: tuple[str, str]) -> int:
    org_id, host = target
    engine = engines.for_host(host)
    activity = _activity_table(engine)
    stmt = select(func.count()).select_from(activity).where(activity.c.org_id == org_id)
    with engine.connect() as conn:
        return conn.execute(stmt).scalar_one()


def activity_total(hosts: list[tuple[str, str]]) -> int:
    with ThreadPoolExecutor(max_workers=settings.MAX_WORKERS) as pool:
        counts = list(pool.map(_activity_for, hosts))
    return sum(counts)


def _secrets_for(host: str) -> int:
    with engines.for_host(host).connect() as conn:
        return conn.execute(text(queries.SECRET_COUNT), {"org_id": host.split(".")[0]}).scalar_one()  # expect: MOL101


def secrets_total(hosts: list[str]) -> int:
    with Pool(processes=4) as pool:
        return sum(pool.map(_secrets_for, hosts))  # expect: MOL202


def _invoices_for(org_id: str) -> int:
    with engines.warehouse().connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {tables.INVOICES} WHERE org_id = :o"), {"o": org_id}).scalar_one()


def invoices_total(org_ids: list[str]) -> int:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return sum(pool.map(_invoices_for, org_ids))
