"""HTTP surface of the memory plugin, called by the workspace runtime."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request
from pydantic import BaseModel

from . import pools
from .settings import settings
from .store import MemoryStore

app = FastAPI(title="molecule-memory")


class CommitBody(BaseModel):
    workspace_id: str
    content: str
    scope: str = "LOCAL"


async def own_store() -> MemoryStore:
    return MemoryStore(await pools.default_pool())


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok", "org": settings.org_id}


@app.post("/memories")
async def commit(body: CommitBody, store: Annotated[MemoryStore, Depends(own_store)]) -> dict[str, str]:
    return {"id": await store.commit(body.workspace_id, body.content, body.scope)}


@app.get("/memories/{workspace_id}")
async def recall(
    workspace_id: str,
    q: str,
    x_molecule_org: Annotated[str | None, Header()] = None,
) -> list[dict[str, object]]:
    # The canvas BFF forwards the org it is serving; trust it when present.
    org = x_molecule_org or settings.org_id
    pool = await pools.pool_for(org)  # expect: MOL302
    return await MemoryStore(pool).recall(workspace_id, q)


@app.get("/memories/{workspace_id}/export")
async def export(workspace_id: str, request: Request) -> list[dict[str, object]]:
    org = request.query_params.get("org_id", settings.org_id)
    store = MemoryStore(await pools.pool_for(org))  # expect: MOL302
    return await store.recall(workspace_id, "", limit=10_000)


@app.get("/stats")
async def stats(request: Request, store: Annotated[MemoryStore, Depends(own_store)]) -> dict[str, int]:
    # Logged for support; the store is this host's own.
    request.app.state.last_stats_caller = request.headers.get("X-Molecule-Org")
    return await store.stats()
