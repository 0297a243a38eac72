"""Per-org memory export for the quality team (dynamic task mapping, one task per org)."""

from __future__ import annotations

import logging

from airflow.decorators import dag, task
from airflow.models import Variable
from airflow.providers.postgres.hooks.postgres import PostgresHook

from analytics import queries
from analytics.dags.common import DEFAULT_ARGS, START, WAREHOUSE_CONN_ID, WORKSPACE_CONN_ID

log = logging.getLogger(__name__)


@dag(schedule="@weekly", start_date=START, default_args=DEFAULT_ARGS, catchup=False)
def memory_export():
    @task
    def active_orgs() -> list[str]:
        hook = PostgresHook(postgres_conn_id=WAREHOUSE_CONN_ID)
        return [row[0] for row in hook.get_records(queries.ACTIVE_ORGS)]

    @task
    def export_org(org_id: str) -> int:
        hook = PostgresHook(postgres_conn_id=WORKSPACE_CONN_ID)  # expect: MOL102
        frame = hook.get_pandas_df(queries.MEMORY_EXPORT, parameters={"org_id": org_id})  # expect: MOL101
        frame.to_parquet(f"{Variable.get('export_bucket')}/memories/{org_id}.parquet")
        log.info("exported %d memories for %s", len(frame), org_id)
        return len(frame)

    @task
    def total(counts: list[int]) -> int:
        return sum(counts)

    total(export_org.expand(org_id=active_orgs()))  # expect: MOL202


memory_export()
