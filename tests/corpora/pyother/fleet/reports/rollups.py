"""Nightly rollups on an asyncpg pool."""

import asyncpg

from fleet.reports import queries


async def memory_rollup(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return await pool.fetch(queries.MEMORY_ROLLUP)  # expect: MOL101, MOL201


async def invoice_totals(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return await pool.fetch(queries.INVOICE_TOTALS)


async def message_volume(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return await conn.fetch(queries.MESSAGE_VOLUME)  # expect: MOL101, MOL201
