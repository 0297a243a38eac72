"""Weekly engagement report for the customer-success dashboard."""

from __future__ import annotations

from datetime import datetime

import httpx

from common import recent_memories  # expect: MOL104


def weekly_highlights(workspace_id: str) -> list[str]:
    return [m["content"] for m in recent_memories(workspace_id, limit=3)]  # expect: MOL101, MOL102


def activity_feed(workspace_id: str, since: datetime) -> list[dict]:
    resp = httpx.get(f"http://workspace-server:8080/workspaces/{workspace_id}/activity", params={"since": since.isoformat()})  # expect: MOL103
    resp.raise_for_status()
    return resp.json()["items"]
