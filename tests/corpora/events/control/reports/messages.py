from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from workspace_svc.db.repositories import MessageRepository  # expect: MOL104
from workspace_svc.db.tables import WorkspaceMessage  # expect: MOL104


def messages_per_org_stmt():
    return select(WorkspaceMessage.org_id, func.count(WorkspaceMessage.id)).group_by(WorkspaceMessage.org_id)  # expect: MOL101, MOL201


async def messages_per_org(conn: AsyncConnection) -> dict[str, int]:
    rows = await conn.execute(messages_per_org_stmt())
    return dict(rows.all())


async def messages_by_org(session: AsyncSession) -> list[tuple[str, int]]:
    return await MessageRepository(session).count_by_org()  # expect: MOL101, MOL201
