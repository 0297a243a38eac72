"""Client of one org's workspace API (each org runs its own, on its own host)."""

from typing import Any

from controlplane import config
from controlplane.clients import routes
from libs.http import ServiceClient


class WorkspaceClient(ServiceClient):
    def __init__(self, base_url: str = config.WORKSPACE_API_URL, token: str | None = None) -> None:
        super().__init__(base_url, token)

    async def healthy(self) -> bool:
        body = await self.get_json(routes.HEALTH)
        return body.get("status") == "ok"

    async def version(self) -> str:
        return (await self.get_json(routes.VERSION))["version"]

    async def recent_activity(self, ws_id: str, limit: int = 50) -> list[dict[str, Any]]:
        return await self.get_json(routes.ACTIVITY.format(ws=ws_id), limit=limit)  # expect: MOL103

    async def messages(self, ws_id: str) -> list[dict[str, Any]]:
        return await self.get_json(f"/api/workspaces/{ws_id}/messages")  # expect: MOL103
