import httpx
from fastapi import APIRouter, Request

from control_plane.clients.workspace import WorkspaceClientDep
from control_plane.db import PoolDep
from control_plane.reports import fleet
from control_plane.repositories.usage import UsageRepositoryDep
from moleculekit.routes import WorkspaceRoute

router = APIRouter(prefix="/fleet", tags=["fleet"])


@router.get("/summary")
async def summary(repo: UsageRepositoryDep, pool: PoolDep) -> dict[str, object]:
    return {
        "memories": await repo.total_memories(),
        "activity": await repo.activity_per_org(),
        "quota_pressure": [dict(r) for r in await fleet.quota_pressure(pool)],
    }


@router.get("/workspaces/{workspace_id}/health")
async def workspace_health(workspace_id: str, client: WorkspaceClientDep) -> dict[str, object]:
    return {"healthy": await client.healthy(), "status": await client.status(workspace_id)}


@router.get("/workspaces/{workspace_id}/activity")
async def workspace_activity(workspace_id: str, client: WorkspaceClientDep) -> list[dict[str, object]]:
    response = await client.get(WorkspaceRoute.ACTIVITY.format(workspace_id=workspace_id))  # expect: MOL103
    return response.json()


@router.get("/workspaces/{workspace_id}/messages")
async def workspace_messages(workspace_id: str, request: Request) -> list[dict[str, object]]:
    client: httpx.AsyncClient = request.app.state.workspace_client
    if (await client.get(WorkspaceRoute.HEALTH)).status_code != 200:
        return []
    response = await client.get(WorkspaceRoute.MESSAGES.format(workspace_id=workspace_id))  # expect: MOL103
    return response.json()
