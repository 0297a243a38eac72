from collections.abc import AsyncIterator
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Header
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from workspace_api.config import get_settings

engine = create_async_engine(get_settings().stores.database_url, pool_size=5, pool_pre_ping=True)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


@lru_cache(maxsize=64)
def _engine_for(org_slug: str) -> AsyncEngine:
    # Support asked for "impersonate another org" on the staging host.
    return create_async_engine(f"postgresql+asyncpg://workspace@postgres:5432/org_{org_slug}")


async def get_org_session(x_molecule_org: Annotated[str, Header()]) -> AsyncIterator[AsyncSession]:
    async with async_sessionmaker(_engine_for(x_molecule_org))() as session:  # expect: MOL302
        yield session


OrgSessionDep = Annotated[AsyncSession, Depends(get_org_session)]
