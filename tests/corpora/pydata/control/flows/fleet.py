"""Fleet-wide jobs: run a per-org function over every org."""
from concurrent.futures import ThreadPoolExecutor

import polars as pl
from prefect import flow, task
from sqlalchemy import create_engine, text

from control.config import CONTROL_DSN, tenant_reader_dsn
from control.flows.usage import memories_for
from control.queries import SCHEDULES_SQL
from dataplat.dbutil import row_count
from dataplat.tables import PROVISION_JOBS


def org_ids() -> list[str]:
    with create_engine(CONTROL_DSN).connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT org_id FROM orgs"))]


def schedules_of(org_id: str) -> pl.DataFrame:
    return pl.read_database_uri(SCHEDULES_SQL.format(org=org_id), tenant_reader_dsn())  # expect: MOL101


@task
def memory_count(org_id: str) -> int:
    return len(memories_for.fn(org_id))


@flow
def fleet_memories() -> int:
    futures = memory_count.map(org_ids())  # expect: MOL202
    return sum(f.result() for f in futures)


@flow
def fleet_schedules() -> dict[str, int]:
    totals: dict[str, int] = {}
    orgs = org_ids()
    with ThreadPoolExecutor(max_workers=8) as pool:
        for org, frame in zip(orgs, pool.map(schedules_of, orgs)):  # expect: MOL202
            totals[org] = frame.height
    return totals


@flow
def fleet_memories_submit() -> list[int]:
    counts = []
    for org in org_ids():  # expect: MOL202
        future = memory_count.submit(org)
        counts.append(future.result())
    return counts


@flow
def platform_table_sizes() -> dict[str, int]:
    with create_engine(CONTROL_DSN).connect() as conn:
        return {name: row_count(conn, name) for name in (PROVISION_JOBS, "orgs", "billing_events")}
