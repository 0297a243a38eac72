from pathlib import Path
from uuid import UUID

import asyncpg
from litestar import Controller, Request, get
from litestar.di import Provide

from molecore import routes
from workspace.config import cfg
from workspace.db import dsn_for
from workspace.repositories import MemoryRepository

STATS_SQL = Path(__file__).with_name("sql").joinpath("stats.sql").read_text()


async def provide_memories(db_session) -> MemoryRepository:
    return MemoryRepository(session=db_session)


class MemoryController(Controller):
    path = routes.MEMORIES
    dependencies = {"memories": Provide(provide_memories)}

    @get("/")
    async def list_memories(self, workspace_id: UUID, memories: MemoryRepository) -> list[dict]:
        rows = await memories.list(org_id=cfg.org_id, workspace_id=workspace_id)
        return [{"id": str(r.id), "content": r.content} for r in rows]

    @get("/stats")
    async def stats(self, request: Request) -> list[dict]:
        pool: asyncpg.Pool = request.app.state.pool
        rows = await pool.fetch(STATS_SQL, cfg.org_id)
        return [dict(r) for r in rows]


class ExportController(Controller):
    """Bulk export for support: connects to whichever org the caller names."""

    path = "/admin/export"

    @get("/{org:str}")
    async def export(self, org: str) -> list[dict]:
        conn = await asyncpg.connect(dsn_for(org))  # expect: MOL302
        try:
            return [dict(r) for r in await conn.fetch("SELECT id, content FROM memories")]
        finally:
            await conn.close()
