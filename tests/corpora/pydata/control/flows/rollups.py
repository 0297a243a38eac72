"""Reads of the platform's rollup tables (pushed by tenants)."""
import pandas as pd
from sqlalchemy import create_engine

from control.config import CONTROL_DSN


def rollup_for(org_id: str) -> pd.DataFrame:
    return pd.read_sql(
        "SELECT day, memories FROM memory_rollups WHERE org_id = %(org)s", create_engine(CONTROL_DSN), params={"org": org_id}
    )


def fleet_rollup() -> pd.DataFrame:
    query = "SELECT org_id, sum(memories) AS memories FROM memory_rollups GROUP BY org_id"
    return pd.read_sql(query, create_engine(CONTROL_DSN))  # expect: MOL201
