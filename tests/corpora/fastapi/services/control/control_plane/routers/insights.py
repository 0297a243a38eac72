"""Product insights for the growth team."""

from fastapi import APIRouter
from sqlalchemy import func, select

from control_plane.db import SessionDep
from control_plane.models import UsageSnapshot
from moleculekit.models import workspace as ws_models  # expect: MOL104

router = APIRouter(prefix="/insights", tags=["insights"])


@router.get("/messages")
async def message_volume(session: SessionDep) -> dict[str, int]:
    """Messages per org over all chat_messages, for the growth dashboard."""
    msg = ws_models.ChatMessage
    stmt = select(msg.org_id, func.count(msg.id)).group_by(msg.org_id)  # expect: MOL101, MOL201
    result = await session.execute(stmt)
    return dict(result.tuples().all())


@router.get("/billed-messages")
async def billed_messages(session: SessionDep) -> dict[str, int]:
    stmt = select(UsageSnapshot.org_id, func.sum(UsageSnapshot.messages_billed)).group_by(UsageSnapshot.org_id)
    return dict((await session.execute(stmt)).tuples().all())
