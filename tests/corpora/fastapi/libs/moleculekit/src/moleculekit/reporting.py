"""Per-workspace summaries, used by the workspace server's /stats endpoint."""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from moleculekit.models.workspace import Memory


async def memory_count(session: AsyncSession, org_id: str) -> int:
    stmt = select(func.count()).select_from(Memory).where(Memory.org_id == org_id)
    return (await session.execute(stmt)).scalar_one()
