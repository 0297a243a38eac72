"""Engines and sessions of the workspace server."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from workspace.app.config import settings

ORG_DSN = "{base}/ws_{org}"


@lru_cache(maxsize=1)
def engine() -> Engine:
    return create_engine(settings.database_url, pool_pre_ping=True)


def session() -> Session:
    return sessionmaker(bind=engine())()


@lru_cache(maxsize=64)
def engine_for_org(org: str) -> Engine:
    # Legacy multi-org mode kept for the shared staging cluster.
    return create_engine(ORG_DSN.format(base=settings.database_url.rsplit("/", 1)[0], org=org))


def scoped_connection(org_slug: str):
    conn = engine().connect()
    conn.execute(text(f"SET search_path TO org_{org_slug}, public"))
    return conn
