"""Polars frames for the notebook users."""

from __future__ import annotations

import polars as pl

from analytics import settings
from libs.datalib import sqlbuild, tables

SCHEDULES_PER_ORG = sqlbuild.count_by_org(tables.SCHEDULES)
QUOTAS_PER_ORG = sqlbuild.count_by_org(tables.MEMORY_QUOTAS)


def schedules(replica_uri: str) -> pl.DataFrame:
    return pl.read_database_uri(SCHEDULES_PER_ORG, replica_uri)  # expect: MOL101, MOL201


def quotas() -> pl.DataFrame:
    return pl.read_database_uri(QUOTAS_PER_ORG, settings.WAREHOUSE_URL)
