"""HTTP API of the memory plugin."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

from memory_plugin.store import MemoryStore

app = FastAPI(title="memory-plugin")
router = APIRouter()
store = MemoryStore()


class MemoryRecord(BaseModel):
    id: str
    workspace_id: str
    content: str
    score: float | None = None


class SearchRequest(BaseModel):
    workspace_id: str
    q: str
    k: int = 8


@router.get("/healthz")
def healthz() -> dict[str, bool]:
    return {"ok": True}


@router.get("/workspaces/{workspace_id}/memories")
def list_memories(workspace_id: str, limit: int = 50) -> dict:
    return {"items": store.recent(workspace_id, limit)}


@router.post("/v1/search")
def search(req: SearchRequest) -> dict:
    return {"hits": store.search(req.workspace_id, req.q, req.k)}


app.include_router(router)
