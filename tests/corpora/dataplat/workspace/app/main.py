"""Workspace server HTTP API."""

from __future__ import annotations

import redis
from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.orm import Session

from workspace.app.config import settings
from workspace.app.constants import MEMORY_KEY
from workspace.app.deps import org_scope, org_session, own_org, tenant_session
from workspace.app.store import ActivityStore, MemoryStore

app = FastAPI(title="workspace-server")
cache = redis.Redis.from_url(settings.redis_url)


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/api/workspaces/{workspace_id}/memories")
def list_memories(workspace_id: str, session: Session = Depends(tenant_session)) -> list[dict]:
    cached = cache.get(MEMORY_KEY.format(workspace_id=workspace_id))
    if cached:
        return []
    return [{"id": m.id, "content": m.content} for m in MemoryStore(session).recent(workspace_id)]


@app.get("/api/workspaces/{workspace_id}/activity")
def list_activity(workspace_id: str, session: Session = Depends(tenant_session)) -> list[dict]:
    return [{"id": e.id, "kind": e.kind} for e in ActivityStore(session).for_workspace(workspace_id)]


@app.get("/api/stats")
def stats(session: Session = Depends(tenant_session), org: str = Depends(own_org)) -> dict[str, int]:
    # This org's own numbers: the tenant may aggregate what it holds.
    return MemoryStore(session).count_by_workspace(org)


@app.get("/api/stats/by-kind")
def stats_by_kind(session: Session = Depends(tenant_session)) -> dict[str, int]:
    rows = session.execute(text("SELECT kind, count(*) FROM activity_events GROUP BY kind")).all()
    return dict(rows)


@app.get("/api/legacy/workspaces/{workspace_id}/memories")
def legacy_memories(workspace_id: str, session: Session = Depends(org_session)) -> list[dict]:
    return [{"id": m.id} for m in MemoryStore(session).recent(workspace_id)]


@app.get("/api/legacy/{org_slug}/schedules")
def legacy_schedules(org_slug: str, conn=Depends(org_scope)) -> list[dict]:
    return [dict(row._mapping) for row in conn.execute(text("SELECT id, cron FROM schedules"))]
