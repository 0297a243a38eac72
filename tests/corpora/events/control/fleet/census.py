"""Memory census for the capacity dashboard."""

from __future__ import annotations

from sqlalchemy import func, select

from control.container import Container
from control.orgs import OrgRepository
from workspace_svc.db.tables import Memory  # expect: MOL104


async def memories_of(container: Container, org_id: str) -> int:
    async with container.workspace_engine.connect() as conn:
        result = await conn.execute(select(func.count()).select_from(Memory).where(Memory.org_id == org_id))  # expect: MOL101
        return result.scalar_one()


async def census(container: Container) -> dict[str, int]:
    totals: dict[str, int] = {}
    async with container.sessions() as session:
        orgs = await OrgRepository(session).active()
    for org in orgs:  # expect: MOL202
        totals[org.id] = await memories_of(container, org.id)
    return totals
