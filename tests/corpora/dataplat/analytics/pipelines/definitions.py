"""Dagster code location."""

from __future__ import annotations

from dagster import Definitions, EnvVar, define_asset_job

from analytics.pipelines import assets
from analytics.pipelines.resources import SqlDatabase, WorkspaceApi

fleet_job = define_asset_job("fleet_job", selection=["fleet_activity", "invoice_totals"])

defs = Definitions(
    assets=[
        assets.org_memory_count,
        assets.fleet_activity,
        assets.org_recent_memories,
        assets.hosts_per_region,
        assets.invoice_totals,
        assets.workspace_api_up,
    ],
    jobs=[fleet_job],
    resources={
        "warehouse": SqlDatabase(dsn=EnvVar("WAREHOUSE_URL")),
        "workspace_db": SqlDatabase(dsn=EnvVar("WORKSPACE_DATABASE_URL")),  # expect: MOL102
        "workspace_api": WorkspaceApi(base_url=EnvVar("WORKSPACE_API_URL"), token=EnvVar("WORKSPACE_API_TOKEN")),
    },
)
