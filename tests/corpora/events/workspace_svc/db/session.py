from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from workspace_svc.settings import settings

engine = create_async_engine(settings.workspace_db_dsn, pool_pre_ping=True)
Session = async_sessionmaker(engine, expire_on_commit=False)

ORG_DSN = "postgresql+asyncpg://workspace@workspace-db:5432/ws_{org}"


def engine_for_org(org_id: str) -> AsyncEngine:
    return create_async_engine(ORG_DSN.format(org=org_id))


def own_engine() -> AsyncEngine:
    return create_async_engine(ORG_DSN.format(org=settings.molecule_org_id))
