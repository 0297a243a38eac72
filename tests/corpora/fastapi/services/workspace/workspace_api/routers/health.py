from fastapi import APIRouter
from sqlalchemy import text

from workspace_api.db import SessionDep

router = APIRouter()


@router.get("/healthz")
async def healthz(session: SessionDep) -> dict[str, str]:
    await session.execute(text("SELECT 1"))
    return {"status": "ok"}
