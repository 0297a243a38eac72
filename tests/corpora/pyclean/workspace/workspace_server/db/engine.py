"""Engines and sessions of the workspace database."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from workspace_server.settings import WorkspaceSettings

ORG_DSN_TEMPLATE = "postgresql+asyncpg://workspace@db:5432/org_{org_id}"


def make_engine(settings: WorkspaceSettings) -> AsyncEngine:
    return create_async_engine(settings.database_dsn, pool_pre_ping=True)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


_ORG_ENGINES: dict[str, AsyncEngine] = {}


def engine_for_org(org_id: str) -> AsyncEngine:
    """Legacy multi-org mode of the first hosted version."""
    if org_id not in _ORG_ENGINES:
        _ORG_ENGINES[org_id] = create_async_engine(ORG_DSN_TEMPLATE.format(org_id=org_id))
    return _ORG_ENGINES[org_id]


async def use_org_schema(session: AsyncSession, org_id: str) -> None:
    await session.execute(text(f'SET search_path TO "org_{org_id}"'))
