"""Engines of the analytics reports."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from analytics import settings


@lru_cache(maxsize=1)
def warehouse() -> Engine:
    return create_engine(settings.WAREHOUSE_URL, pool_size=5)


def for_host(host: str) -> Engine:
    """The read replica on an org host (reports connect with the analytics reader role)."""
    return create_engine(f"postgresql+psycopg://analytics_reader@{host}:5432/workspace")
