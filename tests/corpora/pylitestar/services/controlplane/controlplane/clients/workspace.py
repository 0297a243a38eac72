from molecore import routes
from molecore.http import ServiceClient

from controlplane.config import cfg


class WorkspaceClient(ServiceClient):
    """Talks to the workspace servers through the fleet gateway."""

    def __init__(self) -> None:
        super().__init__(base_url=cfg.services.workspace_url)

    async def healthy(self) -> bool:
        return (await self.get(routes.HEALTH)).status_code == 200

    async def activity(self, workspace_id: str) -> list[dict]:
        resp = await self.get(routes.ACTIVITY.format(workspace_id=workspace_id))  # expect: MOL103
        return resp.json()

    async def suspend(self, workspace_id: str) -> None:
        await self.post(f"/workspaces/{workspace_id}/suspend")
