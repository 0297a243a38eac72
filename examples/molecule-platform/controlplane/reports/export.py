"""Bulk data export requested by enterprise admins (GDPR Art. 20)."""

from __future__ import annotations

import aiohttp
import requests

from memory_plugin.app import MemoryRecord  # expect: MOL104


def export_messages(conn, workspace_id: str) -> list[tuple]:
    query = """
        SELECT m.id, m.sender, m.body, m.created_at
        FROM workspace_messages AS m
        WHERE m.workspace_id = %(ws)s
        ORDER BY m.created_at
    """
    with conn.cursor() as cur:
        cur.execute(query, {"ws": workspace_id})  # expect: MOL101
        return cur.fetchall()


async def export_memories(workspace_id: str) -> list[MemoryRecord]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://workspace-server:8080/workspaces/{workspace_id}/memories") as resp:  # expect: MOL103
            payload = await resp.json()
    return [MemoryRecord(**item) for item in payload["items"]]


def workspace_state(workspace_id: str) -> str:
    resp = requests.get(f"http://workspace-server:8080/workspaces/{workspace_id}/status", timeout=10)  # expect: MOL103
    return resp.json()["status"]
