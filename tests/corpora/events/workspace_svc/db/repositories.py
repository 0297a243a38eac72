from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select

from dbkit.repository import SqlRepository
from workspace_svc.db.tables import ActivityEvent, Memory, WorkspaceMessage


class MemoryRepository(SqlRepository[Memory]):
    model = Memory

    async def count_for_org(self, org_id: str) -> int:
        stmt = select(func.count()).select_from(Memory).where(Memory.org_id == org_id)
        return (await self.session.execute(stmt)).scalar_one()

    async def purge_older_than(self, cutoff: datetime) -> None:
        await self.session.execute(delete(Memory).where(Memory.created_at < cutoff))


class ActivityRepository(SqlRepository[ActivityEvent]):
    model = ActivityEvent


class MessageRepository(SqlRepository[WorkspaceMessage]):
    model = WorkspaceMessage
