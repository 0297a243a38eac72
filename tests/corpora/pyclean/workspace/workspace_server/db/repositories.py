from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select

from kernel.repository import Repository
from workspace_server.db.models import ActivityEvent, MemoryEntry


class MemoryRepository(Repository[MemoryEntry]):
    model = MemoryEntry

    def for_workspace(self, workspace_id: str) -> Sequence[MemoryEntry]:
        return self.list(MemoryEntry.workspace_id == workspace_id)

    def kinds(self) -> dict[str, int]:
        stmt = select(MemoryEntry.kind, func.count()).group_by(MemoryEntry.kind)
        return {kind: n for kind, n in self.session.execute(stmt)}

    def delete_older_than(self, org_id: str, days: int) -> int:
        cutoff = datetime.now(timezone.utc) - timedelta(days=days)
        stmt = delete(MemoryEntry).where(MemoryEntry.org_id == org_id, MemoryEntry.created_at < cutoff)
        return self.session.execute(stmt).rowcount


class ActivityRepository(Repository[ActivityEvent]):
    model = ActivityEvent
