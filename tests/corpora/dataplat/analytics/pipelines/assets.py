"""Fleet assets, partitioned per org."""

from __future__ import annotations

import pandas as pd
from dagster import AssetExecutionContext, DynamicPartitionsDefinition, StaticPartitionsDefinition, asset

from analytics import queries
from analytics.pipelines.resources import SqlDatabase, WorkspaceApi
from libs.datalib import routes, sqlbuild, tables

org_partitions = DynamicPartitionsDefinition(name="orgs")
region_partitions = StaticPartitionsDefinition(["us-east-1", "eu-west-1"])


@asset(partitions_def=org_partitions)
def org_memory_count(context: AssetExecutionContext, workspace_db: SqlDatabase) -> pd.DataFrame:
    return workspace_db.frame(queries.MEMORY_COUNT, org_id=context.partition_key)  # expect: MOL101, MOL102


@asset
def fleet_activity(workspace_db: SqlDatabase) -> pd.DataFrame:
    """Events per org and kind (the activity_events rollup)."""
    return workspace_db.frame(queries.ACTIVITY_BY_ORG)  # expect: MOL101, MOL102, MOL201


@asset(partitions_def=org_partitions)
def org_recent_memories(context: AssetExecutionContext, workspace_api: WorkspaceApi) -> pd.DataFrame:
    path = routes.WORKSPACE_MEMORIES.format(workspace_id=context.partition_key)
    return pd.DataFrame(workspace_api.get_json(path))  # expect: MOL103


@asset(partitions_def=region_partitions)
def hosts_per_region(context: AssetExecutionContext, warehouse: SqlDatabase) -> pd.DataFrame:
    return warehouse.frame(f"SELECT region, count(*) AS hosts FROM {tables.HOSTS} WHERE region = :r GROUP BY region", r=context.partition_key)


@asset
def invoice_totals(warehouse: SqlDatabase) -> pd.DataFrame:
    return warehouse.frame(sqlbuild.count_by_org(tables.INVOICES))


@asset
def workspace_api_up(workspace_api: WorkspaceApi) -> bool:
    return bool(workspace_api.get_json(routes.WORKSPACE_HEALTH))
