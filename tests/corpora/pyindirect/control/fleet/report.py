"""Fleet dashboard numbers."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple, TypedDict

import psycopg
from sqlalchemy import create_engine, func, select

from control.billing.exports import ScheduleDAO
from control.settings import settings
from kit import ControlTable, WsTable
from kit.db import connect
from kit.sa import invoices, runs

engine = create_engine(settings.database_url)


@dataclass
class SyncJob:
    source_table: str = WsTable.RUNS
    batch: int = 500


class Target(NamedTuple):
    table: str
    org_column: str = "org_id"


class QuerySpec(TypedDict):
    table: str
    columns: list[str]


EVENTS_TARGET = Target(WsTable.EVENTS)
HOSTS_TARGET = Target(ControlTable.HOSTS)
HOSTS_SPEC: QuerySpec = {"table": ControlTable.HOSTS, "columns": ["id", "org_id", "region"]}
SECRETS_SPEC: QuerySpec = {"table": WsTable.SECRETS, "columns": ["org_id", "name", "rotated_at"]}


def sync_batch(conn: psycopg.Connection, org_id: str, job: SyncJob | None = None) -> list[dict]:
    job = job or SyncJob()
    sql = f"SELECT id FROM {job.source_table} WHERE org_id = %s LIMIT {job.batch}"
    return conn.execute(sql, (org_id,)).fetchall()  # expect: MOL101


def target_rows(conn: psycopg.Connection, org_id: str) -> tuple[list[dict], list[dict]]:
    hosts = conn.execute(f"SELECT * FROM {HOSTS_TARGET.table} WHERE org_id = %s", (org_id,)).fetchall()
    t = EVENTS_TARGET
    events = conn.execute(f"SELECT * FROM {t.table} WHERE {t.org_column} = %s", (org_id,)).fetchall()  # expect: MOL101
    return hosts, events


def select_spec(conn: psycopg.Connection, spec: QuerySpec, org_id: str) -> list[dict]:
    cols = ", ".join(spec["columns"])
    return conn.execute(f"SELECT {cols} FROM {spec['table']} WHERE org_id = %s", (org_id,)).fetchall()


def host_rows(conn: psycopg.Connection, org_id: str) -> list[dict]:
    return select_spec(conn, HOSTS_SPEC, org_id)


def secret_rows(conn: psycopg.Connection, org_id: str) -> list[dict]:
    return select_spec(conn, SECRETS_SPEC, org_id)  # expect: MOL101


def table_sizes(conn: psycopg.Connection) -> dict[str, list[dict]]:
    sizes = {}
    for table in WsTable:
        sizes[table.value] = conn.execute(f"SELECT org_id, count(*) AS n FROM {table} GROUP BY org_id").fetchall()  # expect: MOL101, MOL201
    return sizes


def control_sizes(conn: psycopg.Connection) -> dict[str, dict]:
    return {t.value: conn.execute(f"SELECT count(*) AS n FROM {t}").fetchone() for t in ControlTable}


def runs_per_org() -> list:
    with engine.connect() as conn:
        return conn.execute(select(runs.c.org_id, func.count()).group_by(runs.c.org_id)).all()  # expect: MOL101, MOL201


def invoice_totals() -> list:
    with engine.connect() as conn:
        return conn.execute(select(invoices.c.org_id, func.sum(invoices.c.amount_cents)).group_by(invoices.c.org_id)).all()


def _schedules_for(org_id: str) -> tuple[str, int]:
    with connect(settings.fleet_database_url) as conn:  # expect: MOL102
        return org_id, ScheduleDAO(conn).count_for(org_id)  # expect: MOL101


def fleet_schedule_counts(org_ids: list[str]) -> dict[str, int]:
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(pool.map(_schedules_for, org_ids))  # expect: MOL202
