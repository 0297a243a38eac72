"""Monthly usage invoice preparation: platform tables only."""

from __future__ import annotations

from airflow.decorators import dag, task
from airflow.providers.postgres.hooks.postgres import PostgresHook

from analytics import queries
from analytics.dags.common import DEFAULT_ARGS, START, WAREHOUSE_CONN_ID
from libs.datalib import sqlbuild, tables


@dag(schedule="@monthly", start_date=START, default_args=DEFAULT_ARGS, catchup=False)
def billing_usage():
    @task
    def usage() -> list[tuple]:
        """Seat-hours per org (not memories or activity: billing only)."""
        return PostgresHook(postgres_conn_id=WAREHOUSE_CONN_ID).get_records(queries.USAGE_BY_ORG)

    @task
    def quotas() -> list[tuple]:
        return PostgresHook(postgres_conn_id=WAREHOUSE_CONN_ID).get_records(sqlbuild.count_by_org(tables.MEMORY_QUOTAS))

    @task
    def orgs_per_invoice(org_id: str) -> list[tuple]:
        hook = PostgresHook(postgres_conn_id=WAREHOUSE_CONN_ID)
        return hook.get_records(sqlbuild.per_org(tables.INVOICES), parameters={"org_id": org_id})

    @task
    def org_ids() -> list[str]:
        return [r[0] for r in PostgresHook(postgres_conn_id=WAREHOUSE_CONN_ID).get_records(queries.ACTIVE_ORGS)]

    usage()
    quotas()
    orgs_per_invoice.expand(org_id=org_ids())


billing_usage()
