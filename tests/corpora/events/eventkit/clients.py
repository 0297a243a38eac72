"""HTTP client of the workspace API."""

from __future__ import annotations

from typing import Any

import httpx


class WorkspaceClient:
    def __init__(self, base_url: str, token: str) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10.0)

    async def memories(self, workspace_id: str) -> list[dict[str, Any]]:
        response = await self._http.get(f"/v1/workspaces/{workspace_id}/memories")
        response.raise_for_status()
        return response.json()

    async def aclose(self) -> None:
        await self._http.aclose()
