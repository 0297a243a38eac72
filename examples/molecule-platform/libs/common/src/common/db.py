"""Engine helpers shared by services."""

from __future__ import annotations

import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    return create_engine(url, pool_size=pool_size, pool_pre_ping=True)


def tenant_engine() -> Engine:
    """The org's own Postgres; only meaningful on a tenant host."""
    return make_engine(os.environ["TENANT_DATABASE_URL"])
