"""The runtime's data access: its own org's Postgres."""
import pandas as pd
from sqlalchemy import MetaData, Table, select

from dataplat.tables import MEMORIES_TABLE


def memory_frame(engine) -> pd.DataFrame:
    memories = Table(MEMORIES_TABLE, MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(select(memories)).fetchall())
