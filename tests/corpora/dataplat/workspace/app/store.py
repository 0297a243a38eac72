"""Data access of the workspace server: memories and activity."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from workspace.app.models import ActivityEvent, Memory


class MemoryStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def recent(self, workspace_id: str, limit: int = 50) -> list[Memory]:
        stmt = select(Memory).where(Memory.workspace_id == workspace_id).order_by(Memory.created_at.desc()).limit(limit)
        return list(self.session.scalars(stmt))

    def count_by_workspace(self, org_id: str) -> dict[str, int]:
        stmt = select(Memory.workspace_id, func.count()).where(Memory.org_id == org_id).group_by(Memory.workspace_id)
        return dict(self.session.execute(stmt).all())

    def purge_org(self, org_id: str) -> int:
        result = self.session.execute(delete(Memory).where(Memory.org_id == org_id))
        return result.rowcount

    def purge_older_than(self, days: int) -> int:
        cutoff = datetime.now(timezone.utc) - timedelta(days=days)
        return self.session.execute(delete(Memory).where(Memory.created_at < cutoff)).rowcount


class ActivityStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_workspace(self, workspace_id: str) -> list[ActivityEvent]:
        return list(self.session.scalars(select(ActivityEvent).where(ActivityEvent.workspace_id == workspace_id)))
