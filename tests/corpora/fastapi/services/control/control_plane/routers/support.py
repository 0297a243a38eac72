"""Support tooling: look at one org's state while on a ticket."""

from fastapi import APIRouter
from sqlalchemy import select

from control_plane.db import SessionDep
from control_plane.models.legacy import WorkspaceSecret
from moleculekit.reporting import memory_count  # expect: MOL104

router = APIRouter(prefix="/support", tags=["support"])


@router.get("/orgs/{org_id}/secrets")
async def secret_names(org_id: str, session: SessionDep) -> list[str]:
    stmt = select(WorkspaceSecret.name).where(WorkspaceSecret.org_id == org_id)  # expect: MOL101
    return list((await session.scalars(stmt)).all())


@router.get("/orgs/{org_id}/memory-count")
async def org_memory_count(org_id: str, session: SessionDep) -> int:
    return await memory_count(session, org_id)  # expect: MOL101
