from __future__ import annotations

import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from control.fleet.constants import WORKSPACE_DSN_ENV


def workspace_connection() -> Connection:
    engine = create_engine(os.environ[WORKSPACE_DSN_ENV], pool_pre_ping=True)  # expect: MOL102
    return engine.connect()


def control_connection() -> Connection:
    return create_engine(os.environ["DATABASE_URL"]).connect()
