from fastapi import APIRouter
from sqlalchemy import text

from control_plane.db import SessionDep

router = APIRouter()


@router.get("/healthz")
async def healthz(session: SessionDep) -> dict[str, str]:
    await session.execute(text("SELECT 1 FROM orgs LIMIT 1"))
    return {"status": "ok"}
