"""Sanic app of the workspace server."""

from __future__ import annotations

from sanic import Request, Sanic, json
from sqlalchemy.ext.asyncio import AsyncSession

from kernel.paths import HEALTH
from workspace_server.db.engine import engine_for_org, make_engine, make_sessionmaker, use_org_schema
from workspace_server.db.models import MemoryEntry
from workspace_server.settings import WorkspaceSettings
from sqlalchemy import select

app = Sanic("workspace-server")


@app.before_server_start
async def setup(app: Sanic) -> None:
    settings = WorkspaceSettings.from_env()
    app.ctx.settings = settings
    app.ctx.sessions = make_sessionmaker(make_engine(settings))


@app.get(HEALTH)
async def health(request: Request):
    return json({"status": "ok"})


@app.get("/v1/workspaces/<workspace_id:str>/memories")
async def memories(request: Request, workspace_id: str):
    async with request.app.ctx.sessions() as session:
        rows = (await session.scalars(select(MemoryEntry).where(MemoryEntry.workspace_id == workspace_id))).all()
    return json([{"id": r.id, "body": r.body} for r in rows])


@app.get("/v1/hosted/<workspace_id:str>/memories")
async def hosted_memories(request: Request, workspace_id: str):
    org_id = request.headers["x-org-id"]
    async with AsyncSession(engine_for_org(org_id)) as session:  # expect: MOL302
        rows = (await session.scalars(select(MemoryEntry).where(MemoryEntry.workspace_id == workspace_id))).all()
    return json([{"id": r.id, "body": r.body} for r in rows])


@app.get("/v1/hosted/<workspace_id:str>/activity")
async def hosted_activity(request: Request, workspace_id: str):
    async with request.app.ctx.sessions() as session:
        await use_org_schema(session, request.args.get("org"))  # expect: MOL302
        rows = await session.execute(select(MemoryEntry.kind).where(MemoryEntry.workspace_id == workspace_id))
    return json([r.kind for r in rows])
