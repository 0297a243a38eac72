"""Daily fleet rollups."""

from __future__ import annotations

from airflow import DAG
from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator

from analytics.dags.common import DEFAULT_ARGS, START, WAREHOUSE_CONN_ID, WORKSPACE_CONN_ID

with DAG(
    dag_id="org_activity_daily",
    schedule="@daily",
    start_date=START,
    default_args=DEFAULT_ARGS,
    catchup=False,
    template_searchpath=["/opt/airflow/dags/analytics/dags/sql"],
    tags=["fleet"],
) as dag:
    activity = SQLExecuteQueryOperator(task_id="org_activity", conn_id=WORKSPACE_CONN_ID, sql="sql/org_activity.sql")  # expect: MOL101, MOL102, MOL201
    billing = SQLExecuteQueryOperator(task_id="billing_rollup", conn_id=WAREHOUSE_CONN_ID, sql="sql/billing_rollup.sql")
    activity >> billing
