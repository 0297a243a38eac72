"""Row counts for the capacity dashboard."""

import logging

from sqlalchemy import func, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from control_plane.repositories.base import RowCounter
from moleculekit.sqlbuild import count_rows, latest_rows
from moleculekit.tables import PlatformTable, Table

log = logging.getLogger(__name__)


async def capacity(session: AsyncSession) -> dict[str, int]:
    orgs = await RowCounter(session, PlatformTable.ORGS).count()
    snapshots = await RowCounter(session, "usage_snapshots").count()
    log.info("capacity: %s orgs; memories and chat_messages are counted on each host", orgs)
    return {"orgs": orgs, "snapshots": snapshots}


async def memory_volume(session: AsyncSession) -> int:
    return (await session.execute(count_rows(Table.MEMORIES))).scalar_one()  # expect: MOL101, MOL201


async def org_activity(session: AsyncSession, org_id: str) -> int:
    stmt = count_rows(Table.ACTIVITY, where="org_id = :org_id")  # expect: MOL101
    return (await session.execute(stmt, {"org_id": org_id})).scalar_one()


async def invoice_volume(session: AsyncSession) -> int:
    return (await session.execute(count_rows(PlatformTable.INVOICES))).scalar_one()


async def message_volume(session: AsyncSession) -> int:
    stmt = select(func.count()).select_from(table(Table.CHAT_MESSAGES))  # expect: MOL101, MOL201
    return (await session.execute(stmt)).scalar_one()


async def latest_snapshots(session: AsyncSession, org_id: str) -> list:
    return list(await session.execute(latest_rows(PlatformTable.USAGE_SNAPSHOTS), {"org_id": org_id}))


async def secrets_per_org(session: AsyncSession, org_id: str) -> int:
    return await RowCounter(session, Table.SECRETS).count_for_org(org_id)  # expect: MOL101
