"""Usage numbers of one org, computed where the org's data lives."""

import asyncpg

from molecore import tables
from molecore.sql import count_for_org

MEMORY_COUNT = count_for_org(tables.MEMORIES)


async def memory_count(conn: asyncpg.Connection, org_id: str) -> int:
    return await conn.fetchval(MEMORY_COUNT, org_id)


async def message_count(conn: asyncpg.Connection, org_id: str) -> int:
    return await conn.fetchval(count_for_org(tables.MESSAGES), org_id)
