from collections.abc import AsyncIterator
from typing import Annotated

import asyncpg
from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from control_plane.config import get_settings

engine = create_async_engine(get_settings().database_url, pool_size=10, max_overflow=5)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session


async def create_pool() -> asyncpg.Pool:
    dsn = get_settings().database_url.replace("+asyncpg", "")
    return await asyncpg.create_pool(dsn, min_size=1, max_size=10)


def get_pool(request: Request) -> asyncpg.Pool:
    return request.app.state.pool


SessionDep = Annotated[AsyncSession, Depends(get_session)]
PoolDep = Annotated[asyncpg.Pool, Depends(get_pool)]
