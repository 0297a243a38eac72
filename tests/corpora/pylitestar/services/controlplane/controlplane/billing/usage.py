from pathlib import Path

import asyncpg

from molecore.dto import UsageRow

_SQL = Path(__file__).parent / "sql"
USAGE_BY_ORG = (_SQL / "usage_by_org.sql").read_text()
INVOICES_DUE = _SQL.joinpath("invoices_due.sql").read_text()


async def billable_usage(pool: asyncpg.Pool) -> list[UsageRow]:
    rows = await pool.fetch(USAGE_BY_ORG)  # expect: MOL101, MOL201
    return [UsageRow(org_id=r["org_id"], memories=r["memories"]) for r in rows]


async def invoices_due(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return await conn.fetch(INVOICES_DUE)
