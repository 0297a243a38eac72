"""Support exports."""
import json
from pathlib import Path

import pandas as pd
from prefect import flow
from sqlalchemy import create_engine

from control.config import CONTROL_DSN, tenant_reader_dsn
from dataplat import exporter  # expect: MOL104

EXPORTS = json.loads((Path(__file__).parent.parent / "exports.json").read_text())


@flow
def export_memories(path: str) -> None:
    exporter.memories_csv(create_engine(CONTROL_DSN), path)  # expect: MOL101


@flow
def export_configured(name: str, org_id: str) -> pd.DataFrame:
    table = EXPORTS[name]["table"]
    return pd.read_sql(
        f"SELECT * FROM {table} WHERE org_id = %(org)s", create_engine(tenant_reader_dsn()), params={"org": org_id}  # expect: MOL102
    )
