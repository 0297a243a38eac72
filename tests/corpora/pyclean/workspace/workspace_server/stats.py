"""Statistics of this organisation's own workspaces (a tenant counting its own data is fine)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from workspace_server.db.models import ActivityEvent, MemoryEntry


async def memories_per_workspace(session: AsyncSession) -> dict[str, int]:
    stmt = select(MemoryEntry.workspace_id, func.count()).group_by(MemoryEntry.workspace_id)
    return {ws: n for ws, n in (await session.execute(stmt)).all()}


async def activity_per_org(session: AsyncSession) -> dict[str, int]:
    stmt = select(ActivityEvent.org_id, func.count()).group_by(ActivityEvent.org_id)
    return {org: n for org, n in (await session.execute(stmt)).all()}
