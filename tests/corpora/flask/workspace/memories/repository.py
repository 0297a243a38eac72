from datetime import datetime, timedelta

from workspace.models import Memory


class MemoryRepository:
    def __init__(self, session):
        self.session = session

    def for_workspace(self, workspace_id: str):
        return Memory.query.filter_by(workspace_id=workspace_id).order_by(Memory.created_at.desc())

    def purge_old(self, days: int) -> int:
        cutoff = datetime.utcnow() - timedelta(days=days)
        removed = Memory.query.filter(Memory.created_at < cutoff).delete()
        self.session.commit()
        return removed
