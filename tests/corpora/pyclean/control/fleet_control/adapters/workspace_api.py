"""SDK for a tenant's workspace server. Provisioning uses it to wait for a new workspace to be ready."""

from __future__ import annotations

from functools import partial
from typing import Any

from kernel.http import ServiceClient
from kernel.paths import API_PREFIX, HEALTH, workspace_path


class WorkspaceAPI(ServiceClient):
    def __init__(self, base_url: str, token: str) -> None:
        super().__init__(base_url, token)
        self._get = partial(self._request, "GET")
        self._delete = partial(self._request, "DELETE")

    async def ready(self) -> bool:
        return (await self._get(HEALTH)).status_code == 200

    async def version(self) -> str:
        return (await self._get("/version")).json()["version"]

    async def usage(self, workspace_id: str) -> dict[str, Any]:
        # seats and storage, the numbers billing needs
        return (await self._get(workspace_path(workspace_id, "usage"))).json()

    async def memories(self, workspace_id: str) -> list[dict[str, Any]]:
        response = await self._get(workspace_path(workspace_id, "memories"))  # expect: MOL103
        return response.json()

    async def activity(self, workspace_id: str, since: str) -> list[dict[str, Any]]:
        response = await self._request("GET", workspace_path(workspace_id, "activity"), params={"since": since})  # expect: MOL103
        return response.json()

    async def purge_messages(self, workspace_id: str) -> None:
        await self._delete(f"{API_PREFIX}/workspaces/{workspace_id}/messages")  # expect: MOL103
