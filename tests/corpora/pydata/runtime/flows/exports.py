"""Export flow run by the runtime's worker; the org arrives as a flow parameter."""
import pandas as pd
import psycopg
from prefect import flow
from sqlalchemy import create_engine

from dataplat.ssm import parameter
from runtime.settings import ORG_ID


def dsn_for(org_id: str) -> str:
    return f"postgresql://runtime@db-{org_id}.internal:5432/runtime"


@flow
def export_events(org_id: str, path: str) -> None:
    engine = create_engine(dsn_for(org_id))  # expect: MOL302
    pd.read_sql("SELECT * FROM workspace_events", engine).to_parquet(path)


@flow
def export_secrets(org_id: str) -> int:
    with psycopg.connect(parameter(f"orgs/{org_id}/dsn")) as conn:  # expect: MOL302
        return conn.execute("SELECT count(*) FROM workspace_secrets").fetchone()[0]


@flow
def export_own(path: str) -> None:
    engine = create_engine(dsn_for(ORG_ID))
    pd.read_sql("SELECT * FROM schedules", engine).to_parquet(path)
