"""Per-org databases for the shared 'pooled' plan (pre-RFC design)."""

import asyncpg
from psycopg import sql

from workspace.config import settings


def org_dsn(org: str) -> str:
    base = settings.database_url.rsplit("/", 1)[0]
    return f"{base}/org_{org}"


async def open_org(org: str) -> asyncpg.Connection:
    return await asyncpg.connect(org_dsn(org))


async def own_db() -> asyncpg.Connection:
    return await asyncpg.connect(org_dsn(settings.org_id))


def use_schema(conn, org: str) -> None:
    conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(f"org_{org}")))
