"""Ad-hoc fleet queries through DuckDB's postgres scanner."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics import settings
from libs.datalib import tables

ATTACH = "ATTACH '{dsn}' AS {alias} (TYPE postgres, READ_ONLY)"


def _duck(dsn: str, alias: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("INSTALL postgres; LOAD postgres;")
    con.execute(ATTACH.format(dsn=dsn, alias=alias))
    return con


def message_volume(replica_dsn: str) -> pd.DataFrame:
    con = _duck(replica_dsn, "ws")
    return con.execute(f"SELECT org_id, count(*) AS n FROM ws.public.{tables.MESSAGES} GROUP BY org_id").df()  # expect: MOL101, MOL201


def billing_volume() -> pd.DataFrame:
    con = _duck(settings.WAREHOUSE_URL, "wh")
    return con.sql(f"SELECT org_id, sum(seat_hours) FROM wh.public.{tables.BILLING_USAGE} GROUP BY org_id").df()
