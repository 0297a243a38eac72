from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from workspace_svc.db.session import Session
from workspace_svc.db.tables import Memory
from workspace_svc.db.tenancy import use_org_schema
from workspace_svc.envnames import ORG_HEADER
from workspace_svc.settings import settings

router = APIRouter(prefix="/v1")


async def get_session() -> AsyncSession:
    async with Session() as session:
        yield session


@router.get("/workspaces/{workspace_id}/memories")
async def list_memories(workspace_id: str, session: AsyncSession = Depends(get_session)) -> list[dict]:
    rows = await session.scalars(select(Memory).where(Memory.workspace_id == workspace_id))
    return [{"id": str(m.id), "content": m.content} for m in rows]


@router.get("/stats")
async def stats(session: AsyncSession = Depends(get_session)) -> dict:
    # this org only: the tenant may count its own memories
    stmt = select(func.count()).select_from(Memory).where(Memory.org_id == settings.molecule_org_id)
    return {"memories": (await session.execute(stmt)).scalar_one()}


@router.post("/admin/reindex")
async def reindex(request: Request, session: AsyncSession = Depends(get_session)) -> dict:
    await use_org_schema(session, request.headers[ORG_HEADER])  # expect: MOL302
    return {"ok": True}
