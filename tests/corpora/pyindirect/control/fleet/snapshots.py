"""Fleet snapshot: run counts of every org, read from the workspace read replica (asyncpg)."""

import asyncio

import asyncpg

from control.settings import settings
from kit.schema import WsTable


class FleetDB:
    """Lazily opened asyncpg pool; the DSN defaults to the settings."""

    def __init__(self, dsn: str | None = None) -> None:
        self._dsn = dsn or settings.fleet_database_url
        self._pool: asyncpg.Pool | None = None

    async def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            self._pool = await asyncpg.create_pool(self._dsn, min_size=1, max_size=4)  # expect: MOL102
        return self._pool

    async def runs_for(self, org_id: str) -> int:
        pool = await self.pool()
        return await pool.fetchval(f"SELECT count(*) FROM {WsTable.RUNS} WHERE org_id = $1", org_id)  # expect: MOL101


async def snapshot(org_ids: list[str]) -> dict[str, int]:
    db = FleetDB()
    counts = await asyncio.gather(*(db.runs_for(org_id) for org_id in org_ids))  # expect: MOL202
    return dict(zip(org_ids, counts, strict=True))
