"""FastAPI dependencies."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session, sessionmaker

from workspace.app import db
from workspace.app.config import settings


def current_org(x_molecule_org: str = Header(...)) -> str:
    return x_molecule_org


def org_session(org: str = Depends(current_org)) -> Iterator[Session]:
    session = sessionmaker(bind=db.engine_for_org(org))()  # expect: MOL302
    try:
        yield session
    finally:
        session.close()


def tenant_session() -> Iterator[Session]:
    session = db.session()
    try:
        yield session
    finally:
        session.close()


def org_scope(request: Request):
    return db.scoped_connection(request.path_params["org_slug"])  # expect: MOL302


def own_org() -> str:
    return settings.org_id
