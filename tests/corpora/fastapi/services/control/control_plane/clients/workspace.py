"""HTTP client for an org's workspace API, one per control-plane process (built in the lifespan)."""

from typing import Annotated, Any

import httpx
from fastapi import Depends, Request

from moleculekit.routes import API_PREFIX, WorkspaceRoute
from workspace_api.routers.memories import MemoryOut  # expect: MOL104


class WorkspaceClient(httpx.AsyncClient):
    def __init__(self, base_url: str, token: str = "", **kwargs: Any) -> None:
        super().__init__(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10.0, **kwargs)

    async def healthy(self) -> bool:
        response = await self.get(WorkspaceRoute.HEALTH)
        return response.status_code == 200

    async def status(self, workspace_id: str) -> str:
        response = await self.get(WorkspaceRoute.STATUS.format(workspace_id=workspace_id))
        return response.json()["status"]

    async def recent_memories(self, workspace_id: str, limit: int = 20) -> list[MemoryOut]:
        response = await self.get(f"{API_PREFIX}/workspaces/{workspace_id}/memories", params={"limit": limit})  # expect: MOL103
        response.raise_for_status()
        return [MemoryOut.model_validate(item) for item in response.json()]


def get_workspace_client(request: Request) -> WorkspaceClient:
    return request.app.state.workspace_client


WorkspaceClientDep = Annotated[WorkspaceClient, Depends(get_workspace_client)]
