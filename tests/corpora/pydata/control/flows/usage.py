"""Nightly usage flows: how busy was each org yesterday."""
from pathlib import Path

import pandas as pd
from prefect import flow, get_run_logger, task
from sqlalchemy import MetaData, Table, create_engine, func, select

from control.config import CONTROL_DSN, tenant_reader_dsn
from dataplat.sqlfiles import render_sql, sql_env
from dataplat.tables import BILLING_EVENTS, EVENTS_TABLE, MEMORIES_TABLE

SQL = sql_env(Path(__file__).parent.parent / "sql")


@task
def events_per_org(since: str) -> pd.DataFrame:
    engine = create_engine(tenant_reader_dsn())  # expect: MOL102
    query = render_sql(SQL, "events_per_org.sql", table=EVENTS_TABLE, since=since)
    return pd.read_sql(query, engine)  # expect: MOL101, MOL201


@task
def billing_per_org(since: str) -> pd.DataFrame:
    # same template, the platform's own billing_events table
    engine = create_engine(CONTROL_DSN)
    query = render_sql(SQL, "events_per_org.sql", table=BILLING_EVENTS, since=since)
    return pd.read_sql(query, engine)


@task
def memories_for(org_id: str) -> pd.DataFrame:
    engine = create_engine(tenant_reader_dsn())  # expect: MOL102
    query = render_sql(SQL, "rows_for_org.sql", table=MEMORIES_TABLE)
    return pd.read_sql(query, engine, params={"org_id": org_id})  # expect: MOL101


@task
def reflected_events(org_id: str) -> list[dict]:
    engine = create_engine(tenant_reader_dsn())  # expect: MOL102
    metadata = MetaData()
    events = Table(EVENTS_TABLE, metadata, autoload_with=engine)
    with engine.connect() as conn:
        rows = conn.execute(select(events).where(events.c.org_id == org_id))  # expect: MOL101
        return [dict(r._mapping) for r in rows]


@task
def events_by_kind() -> list[tuple]:
    engine = create_engine(tenant_reader_dsn())  # expect: MOL102
    events = Table(EVENTS_TABLE, MetaData(), autoload_with=engine)
    stmt = select(events.c.org_id, func.count()).group_by(events.c.org_id)  # expect: MOL101, MOL201
    with engine.connect() as conn:
        return list(conn.execute(stmt))


@task
def orgs_table() -> list[tuple]:
    engine = create_engine(CONTROL_DSN)
    orgs = Table("orgs", MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        return list(conn.execute(select(orgs).where(orgs.c.host.is_not(None))))


@flow(name="nightly-usage")
def nightly_usage(since: str) -> None:
    logger = get_run_logger()
    logger.info("aggregating workspace_events and agent_memories for %s", since)
    events_per_org(since)
    billing_per_org(since)
    pd.read_sql(
        "SELECT org_id, sum(amount_cents) FROM billing_events GROUP BY org_id", create_engine(CONTROL_DSN)
    ).to_sql("billing_daily", create_engine(CONTROL_DSN), if_exists="replace")
