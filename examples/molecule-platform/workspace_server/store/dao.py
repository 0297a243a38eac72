"""Queries over the org's own tables. Tenant code: reading these is the point."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .models import ActivityLog, Schedule


def list_activity(session: Session, workspace_id: str, limit: int = 50) -> list[ActivityLog]:
    stmt = (
        select(ActivityLog)
        .where(ActivityLog.workspace_id == workspace_id)
        .order_by(ActivityLog.created_at.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def record_activity(session: Session, workspace_id: str, kind: str, detail: str = "") -> None:
    session.add(ActivityLog(workspace_id=workspace_id, kind=kind, detail=detail, created_at=datetime.now()))


def list_messages(session: Session, workspace_id: str, limit: int = 100) -> list[dict]:
    rows = session.execute(
        text("SELECT id, sender, body, created_at FROM workspace_messages WHERE workspace_id = :ws ORDER BY created_at DESC LIMIT :n"),
        {"ws": workspace_id, "n": limit},
    )
    return [dict(row._mapping) for row in rows]


def list_schedules(session: Session, workspace_id: str) -> list[Schedule]:
    return list(session.scalars(select(Schedule).where(Schedule.workspace_id == workspace_id)))


def workspace_status(session: Session, workspace_id: str) -> str | None:
    row = session.execute(text("SELECT status FROM workspaces WHERE id = :id"), {"id": workspace_id}).first()
    return row.status if row else None
