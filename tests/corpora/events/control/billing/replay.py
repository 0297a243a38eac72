"""Re-meter a window after a billing incident: the event kind picks the repository."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from workspace_svc.db.repositories import ActivityRepository, MemoryRepository, MessageRepository  # expect: MOL104

REPOSITORIES = {
    "memory": MemoryRepository,
    "activity": ActivityRepository,
    "message": MessageRepository,
}


async def replay(session: AsyncSession, kind: str, since: datetime) -> int:
    repository = REPOSITORIES[kind](session)
    rows = await repository.list_since(since)  # expect: MOL101
    return len(rows)
