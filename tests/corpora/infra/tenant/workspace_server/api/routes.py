from fastapi import APIRouter, Depends
from sqlalchemy import text

from tenant.workspace_server.api.deps import same_org_only
from tenant.workspace_server.db import engine
from tenant.workspace_server.metrics import metrics_snapshot

router = APIRouter()


@router.get("/api/workspaces/{workspace_id}/activity", dependencies=[Depends(same_org_only)])
def activity(workspace_id: str) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT kind, payload, created_at FROM activity_events WHERE workspace_id = :w"), {"w": workspace_id}
        )
        return [dict(row._mapping) for row in rows]


@router.get("/metrics")
def metrics() -> dict[str, int]:
    return metrics_snapshot()
