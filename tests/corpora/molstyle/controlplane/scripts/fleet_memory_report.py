"""Weekly: how many memories each org's agents keep, by scope."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import asyncpg

from molecule_memory.store import MemoryStore  # expect: MOL104

from _common import active_org_dsns, cp_conn


async def _org_stats(dsn: str) -> dict[str, int]:
    conn = await asyncpg.connect(dsn)
    try:
        return await MemoryStore(conn).stats()  # expect: MOL101
    finally:
        await conn.close()


def _stats_sync(dsn: str) -> dict[str, int]:
    return asyncio.run(_org_stats(dsn))


def main() -> None:
    with cp_conn() as cp:
        orgs = active_org_dsns(cp)
    totals: dict[str, int] = {}
    with ThreadPoolExecutor(max_workers=8) as pool:
        for per_scope in pool.map(_stats_sync, [dsn for _, dsn in orgs]):  # expect: MOL202
            for scope, n in per_scope.items():
                totals[scope] = totals.get(scope, 0) + n
    print(totals)


if __name__ == "__main__":
    main()
