"""Per-workspace activity export attached to support tickets."""

from __future__ import annotations

import httpx
from sqlalchemy import text
from sqlalchemy.orm import Session

from workspace_server.store.models import ActivityLog  # expect: MOL104


def recent_activity(session: Session, workspace_id: str) -> list[ActivityLog]:
    q = session.query(ActivityLog).filter(ActivityLog.workspace_id == workspace_id)  # expect: MOL101
    return q.order_by(ActivityLog.created_at.desc()).limit(50).all()


def workspace_schedules(session: Session, workspace_id: str) -> list[dict]:
    rows = session.execute(text("SELECT id, cron, next_run_at FROM schedules WHERE workspace_id = :ws"), {"ws": workspace_id})  # expect: MOL101
    return [dict(row._mapping) for row in rows]


def message_thread(workspace_id: str) -> list[dict]:
    with httpx.Client(base_url="http://workspace-server:8080", timeout=5.0) as client:
        resp = client.get(f"/workspaces/{workspace_id}/messages", params={"limit": 100})  # expect: MOL103
        resp.raise_for_status()
        return resp.json()["items"]
