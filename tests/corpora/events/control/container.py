"""Hand-written DI container: one per process, built from settings at start-up."""

from __future__ import annotations

from functools import cached_property

import redis.asyncio as aioredis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from control.settings import Settings, WorkspaceStore
from dbkit.uow import UnitOfWork
from eventkit.bus import MessageBus


class Container:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = create_async_engine(settings.database_url, pool_size=10)
        self.sessions: async_sessionmaker[AsyncSession] = async_sessionmaker(self.engine, expire_on_commit=False)
        self.redis = aioredis.from_url(settings.redis_url)
        self.bus = MessageBus(settings.kafka.bootstrap, settings.kafka.group_id)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions)

    @cached_property
    def workspace_engine(self) -> AsyncEngine:
        store = WorkspaceStore()
        return create_async_engine(store.db_dsn, pool_size=2)

    @cached_property
    def workspace_redis(self) -> aioredis.Redis:
        return aioredis.from_url(self.settings.workspace_redis_url)
