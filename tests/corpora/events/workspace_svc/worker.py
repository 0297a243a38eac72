"""Dramatiq actors of the workspace: index rebuilds and retention."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from sqlalchemy import func, select

from eventkit.schemas import Envelope
from workspace_svc.db.repositories import MemoryRepository
from workspace_svc.db.session import Session, engine_for_org
from workspace_svc.db.tables import Memory
from workspace_svc.settings import settings

dramatiq.set_broker(RedisBroker(url=settings.redis.url))


@dramatiq.actor(queue_name="workspace", max_retries=5)
def rebuild_index(message: dict) -> None:
    event = Envelope.model_validate(message)
    engine = engine_for_org(event.org_id)  # expect: MOL302
    asyncio.run(engine.dispose())


@dramatiq.actor(queue_name="workspace")
def purge_memories(days: int = 30) -> None:
    async def run() -> None:
        async with Session() as session:
            await MemoryRepository(session).purge_older_than(datetime.now(timezone.utc) - timedelta(days=days))
            await session.commit()

    asyncio.run(run())


@dramatiq.actor(queue_name="workspace")
def count_own_memories() -> int:
    async def run() -> int:
        async with Session() as session:
            stmt = select(func.count()).select_from(Memory).where(Memory.org_id == settings.molecule_org_id)
            return (await session.execute(stmt)).scalar_one()

    return asyncio.run(run())
