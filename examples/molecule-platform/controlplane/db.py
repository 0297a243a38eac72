"""Control-plane database access (Railway Postgres)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

from common.db import make_engine

# The platform database holds orgs, billing, DNS and provisioning state only.
_engine = make_engine(os.environ["PLATFORM_DATABASE_URL"], pool_size=10)
SessionLocal = sessionmaker(bind=_engine, expire_on_commit=False)


@contextmanager
def platform_session() -> Iterator[Session]:
    session = SessionLocal()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


def raw_connection():
    """A DB-API connection for psycopg-style cursors."""
    return _engine.raw_connection()
