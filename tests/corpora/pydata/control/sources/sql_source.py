import pandas as pd
from sqlalchemy import create_engine

from control.config import tenant_reader_dsn


class SqlUsageSource:
    table = "agent_memories"
    org_column = "org_id"

    def __init__(self, dsn: str | None = None) -> None:
        self.engine = create_engine(dsn or tenant_reader_dsn())  # expect: MOL102

    def rows(self, org_id: str) -> pd.DataFrame:
        query = f"SELECT * FROM {self.table} WHERE {self.org_column} = %(org)s"
        return pd.read_sql(query, self.engine, params={"org": org_id})  # expect: MOL101
