"""Fleet reports for the ops dashboard (asyncpg, no ORM)."""

from datetime import datetime

import asyncpg

from control_plane.reports import queries


async def messages_per_org(pool: asyncpg.Pool, since: datetime) -> list[asyncpg.Record]:
    return await pool.fetch(queries.MESSAGES_PER_ORG, since)  # expect: MOL101, MOL201


async def schedules_of(pool: asyncpg.Pool, org_id: str) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return await conn.fetch(queries.SCHEDULES_FOR_ORG, org_id)  # expect: MOL101


async def active_orgs(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return await pool.fetch(queries.ACTIVE_ORGS, "active")


async def quota_pressure(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return await pool.fetch(queries.QUOTA_PRESSURE)


async def invoices_per_org(pool: asyncpg.Pool, since: datetime) -> list[asyncpg.Record]:
    return await pool.fetch(queries.ACTIVITY_INVOICES, since)
