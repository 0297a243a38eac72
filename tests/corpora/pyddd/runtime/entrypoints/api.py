from typing import Annotated

from fastapi import Depends, FastAPI, Header
from sqlmodel import Session

from runtime.adapters.repository import SqlNotebookRepository
from runtime.cache import cache_for
from runtime.db import default_engine, engine_for_org
from runtime.settings import settings

app = FastAPI(title="runtime")


def get_session() -> Session:
    with Session(default_engine()) as session:
        yield session


def session_for_caller(x_org_id: Annotated[str, Header()]) -> Session:
    with Session(engine_for_org(x_org_id)) as session:  # expect: MOL302
        yield session


@app.get("/v1/orgs/{org_id}/notebooks")
def list_notebooks(org_id: str, session: Annotated[Session, Depends(get_session)]) -> list[dict]:
    if org_id != settings.org_id:
        return []
    return [n.model_dump() for n in SqlNotebookRepository(session).list()]


@app.get("/v1/orgs/{org_id}/chat")
def chat(org_id: str, session: Annotated[Session, Depends(session_for_caller)]) -> dict:
    return {"messages": SqlNotebookRepository(session).message_count()}


@app.get("/v1/orgs/{org_id}/notebooks/{notebook_id}")
def notebook(org_id: str, notebook_id: str) -> dict:
    cache = cache_for(org_id)  # expect: MOL302
    return {"id": notebook_id, "cached": cache.get(f"nb:{org_id}:{notebook_id}")}


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"org": settings.org_id}
