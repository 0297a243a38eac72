import logging

import httpx
from litestar import get
from redis.asyncio import Redis

from controlplane.config import cfg
from molecore import routes
from molecore.cachekeys import memory_count_key, plan_key

log = logging.getLogger(__name__)
cache = Redis.from_url(cfg.redis.broker_url)


@get("/fleet/{host:str}/ready")
async def fleet_ready(host: str) -> dict:
    async with httpx.AsyncClient(base_url=f"http://{host}:8000") as client:
        resp = await client.get(routes.HEALTH)
    log.info("probe %s: memories endpoint not called, only %s", host, routes.HEALTH)
    return {"ready": resp.status_code == 200}


async def cached_plan(org_id: str) -> bytes | None:
    return await cache.get(plan_key(org_id))


async def cached_memory_count(org_id: str) -> bytes | None:
    return await cache.get(memory_count_key(org_id))  # expect: MOL102
