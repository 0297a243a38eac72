"""FastAPI dependencies."""

import jwt
from fastapi import Depends, Header, HTTPException
from sqlalchemy import create_engine

from tenant.workspace_server.config import get_settings
from tenant.workspace_server.db import schema_connection


def org_from_header(x_molecule_org: str = Header(...)) -> str:
    return x_molecule_org


def scoped_db(org: str = Depends(org_from_header)):
    conn = schema_connection(f"org_{org}")  # expect: MOL302
    try:
        yield conn
    finally:
        conn.close()


def current_claims(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    return jwt.decode(token, get_settings().jwt_public_key, algorithms=["RS256"])


def claims_engine(claims: dict = Depends(current_claims)):
    dsn = get_settings().database_url.rsplit("/", 1)[0] + f"/ws_{claims['org_id']}"
    return create_engine(dsn)  # expect: MOL302


def same_org_only(x_molecule_org: str = Header(...)) -> None:
    # A guard: the request must name this host's org; the store stays this host's.
    if x_molecule_org != get_settings().molecule_org_id:
        raise HTTPException(status_code=403, detail="wrong org")
