from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


async def use_org_schema(session: AsyncSession, org_id: str) -> None:
    await session.execute(text(f"SET search_path TO org_{org_id}"))
