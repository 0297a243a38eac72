"""Data export for a support ticket."""

from __future__ import annotations

import httpx

from control.settings import settings
from eventkit.clients import WorkspaceClient  # expect: MOL104
from eventkit.paths import ACTIVITY_PATH, HEALTH_PATH


async def export_memories(workspace_id: str) -> list[dict]:
    client = WorkspaceClient(settings.workspace_api_url, settings.workspace_api_token)
    try:
        return await client.memories(workspace_id)  # expect: MOL103
    finally:
        await client.aclose()


async def export_activity(workspace_id: str) -> list[dict]:
    async with httpx.AsyncClient(base_url=settings.workspace_api_url, timeout=10.0) as http:
        response = await http.get(ACTIVITY_PATH.format(workspace_id=workspace_id))  # expect: MOL103
        return response.json()


async def workspace_ready() -> bool:
    async with httpx.AsyncClient(base_url=settings.workspace_api_url, timeout=2.0) as http:
        return (await http.get(HEALTH_PATH)).status_code == 200
