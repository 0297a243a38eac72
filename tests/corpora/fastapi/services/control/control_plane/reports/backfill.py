"""One-off: backfill usage_snapshots from an org's own database (run by hand with `python -m`)."""

import asyncio

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from control_plane.config import WorkspaceCacheSettings, get_settings


async def backfill() -> None:
    settings = get_settings()
    source = create_async_engine(settings.backfill_dsn)
    target = create_async_engine(settings.database_url)
    async with source.connect() as src, target.begin() as dst:
        seats = (await src.execute(text("SELECT count(DISTINCT user_id) FROM workspace_members"))).scalar_one()
        await dst.execute(text("UPDATE usage_snapshots SET seats = :n"), {"n": seats})


async def warm_status_cache() -> None:
    cache = Redis.from_url(WorkspaceCacheSettings().redis_url)
    await cache.ping()


if __name__ == "__main__":
    asyncio.run(backfill())
