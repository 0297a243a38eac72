"""Dagster resources of the analytics code location."""

from __future__ import annotations

import httpx
import pandas as pd
from dagster import ConfigurableResource
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


class SqlDatabase(ConfigurableResource):
    """A Postgres database read through pandas."""

    dsn: str

    def engine(self) -> Engine:
        return create_engine(self.dsn, pool_pre_ping=True)

    def frame(self, sql: str, **params: object) -> pd.DataFrame:
        with self.engine().connect() as conn:
            return pd.read_sql_query(text(sql), conn, params=params)


class WorkspaceApi(ConfigurableResource):
    base_url: str
    token: str

    def _client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, headers={"Authorization": f"Bearer {self.token}"}, timeout=30)

    def get_json(self, path: str) -> list[dict]:
        with self._client() as client:
            response = client.get(path)
            response.raise_for_status()
            return response.json()
