"""Workspace-server routes. Everything here runs on the org's own host."""

from __future__ import annotations

import os

import httpx
from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from workspace_server.db import get_session
from workspace_server.store import dao

router = APIRouter()
MEMORY_PLUGIN_URL = os.environ.get("MEMORY_PLUGIN_URL", "http://memory-plugin:7070")


@router.get("/healthz")
def healthz() -> dict[str, bool]:
    return {"ok": True}


@router.get("/workspaces/{workspace_id}/status")
def status(workspace_id: str, session: Session = Depends(get_session)) -> dict:
    value = dao.workspace_status(session, workspace_id)
    if value is None:
        raise HTTPException(404, "no such workspace")
    return {"status": value}


@router.get("/workspaces/{workspace_id}/activity")
def activity(workspace_id: str, limit: int = 50, session: Session = Depends(get_session)) -> dict:
    rows = dao.list_activity(session, workspace_id, limit)
    return {"items": [{"kind": r.kind, "detail": r.detail, "at": r.created_at.isoformat()} for r in rows]}


@router.get("/workspaces/{workspace_id}/messages")
def messages(workspace_id: str, limit: int = 100, session: Session = Depends(get_session)) -> dict:
    return {"items": dao.list_messages(session, workspace_id, limit)}


@router.get("/workspaces/{workspace_id}/schedules")
def schedules(workspace_id: str, session: Session = Depends(get_session)) -> dict:
    rows = dao.list_schedules(session, workspace_id)
    return {"items": [{"id": s.id, "cron": s.cron, "enabled": s.enabled} for s in rows]}


@router.get("/workspaces/{workspace_id}/memories")
def memories(workspace_id: str, limit: int = 50) -> dict:
    # Proxied to the co-located memory plugin on the same host.
    resp = httpx.get(f"{MEMORY_PLUGIN_URL}/workspaces/{workspace_id}/memories", params={"limit": limit})
    resp.raise_for_status()
    return resp.json()
