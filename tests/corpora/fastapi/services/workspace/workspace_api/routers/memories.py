from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import func, select

from moleculekit.routes import API_PREFIX
from workspace_api.config import get_settings
from workspace_api.db import OrgSessionDep, SessionDep
from workspace_api.models import ActivityEvent, Memory

router = APIRouter(prefix=f"{API_PREFIX}/workspaces/{{workspace_id}}", tags=["memories"])


class MemoryOut(BaseModel):
    id: UUID
    kind: str
    body: str


@router.get("/memories", response_model=list[MemoryOut])
async def list_memories(workspace_id: UUID, session: SessionDep, limit: Annotated[int, Query(le=200)] = 50):
    stmt = select(Memory).where(Memory.workspace_id == workspace_id).order_by(Memory.created_at.desc()).limit(limit)
    return (await session.scalars(stmt)).all()


@router.get("/activity")
async def activity(workspace_id: UUID, session: OrgSessionDep):
    stmt = select(ActivityEvent).where(ActivityEvent.workspace_id == workspace_id).limit(100)
    return (await session.scalars(stmt)).all()


@router.get("/stats")
async def stats(workspace_id: UUID, session: SessionDep) -> dict[str, int]:
    # The tenant counts its own org: one org per host, so this never crosses orgs.
    stmt = select(Memory.kind, func.count()).where(Memory.org_id == get_settings().org_id).group_by(Memory.kind)
    return {kind: n for kind, n in (await session.execute(stmt)).all()}
