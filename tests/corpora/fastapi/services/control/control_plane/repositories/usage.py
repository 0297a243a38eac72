"""Usage figures for invoices and the fleet dashboard."""

from typing import Annotated

from fastapi import Depends
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from control_plane.db import get_session
from control_plane.models import MemoryQuota, UsageSnapshot
from moleculekit.models.workspace import ActivityEvent, Memory  # expect: MOL104


class UsageRepository:
    def __init__(self, session: Annotated[AsyncSession, Depends(get_session)]) -> None:
        self._session = session

    async def total_memories(self) -> int:
        stmt = select(func.count()).select_from(Memory)  # expect: MOL101, MOL201
        return (await self._session.execute(stmt)).scalar_one()

    async def activity_per_org(self) -> dict[str, int]:
        stmt = select(ActivityEvent.org_id, func.count(ActivityEvent.id)).group_by(ActivityEvent.org_id)  # expect: MOL101, MOL201
        rows = await self._session.execute(stmt)
        return dict(rows.tuples().all())

    async def recent_memories(self, org_id: str) -> list[Memory]:
        stmt = select(Memory).where(Memory.org_id == org_id).order_by(Memory.created_at.desc()).limit(20)  # expect: MOL101
        return list((await self._session.scalars(stmt)).all())

    async def quota_usage(self) -> dict[str, int]:
        # Quotas are billing records: summing them per org is what invoices do.
        stmt = select(MemoryQuota.org_id, func.sum(MemoryQuota.used_memories)).group_by(MemoryQuota.org_id)
        return dict((await self._session.execute(stmt)).tuples().all())

    async def billed_messages(self) -> int:
        stmt = select(func.sum(UsageSnapshot.messages_billed))
        return (await self._session.execute(stmt)).scalar_one() or 0


UsageRepositoryDep = Annotated[UsageRepository, Depends(UsageRepository)]
