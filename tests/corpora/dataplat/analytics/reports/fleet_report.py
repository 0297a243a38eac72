"""Weekly fleet report: per-org numbers gathered host by host."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import text

from analytics import queries
from analytics.reports import engines
from libs.datalib import sqlbuild, tables


@dataclass(frozen=True)
class OrgHost:
    org_id: str
    host: str


def list_hosts() -> list[OrgHost]:
    with engines.warehouse().connect() as conn:
        rows = conn.execute(text(f"SELECT org_id, hostname FROM {tables.HOSTS} WHERE state = 'running'"))
        return [OrgHost(org_id=r[0], host=r[1]) for r in rows]


def memory_counts(hosts: list[OrgHost]) -> pd.DataFrame:
    frames = []
    for org in hosts:  # expect: MOL202
        engine = engines.for_host(org.host)
        frames.append(pd.read_sql_query(text(queries.MEMORY_COUNT), engine, params={"org_id": org.org_id}))  # expect: MOL101
    return pd.concat(frames, keys=[h.org_id for h in hosts])


def invoice_lines(hosts: list[OrgHost]) -> pd.DataFrame:
    frames = []
    for org in hosts:
        frames.append(pd.read_sql_query(sqlbuild.per_org(tables.INVOICES), engines.warehouse(), params={"org_id": org.org_id}))
    return pd.concat(frames)


def host_count() -> int:
    return len(list_hosts())
