from litestar import Request, get
from redis.asyncio import Redis

from molecore.cachekeys import memory_count_key
from workspace.config import cfg

redis = Redis.from_url(cfg.redis.url)


async def cached_count() -> int | None:
    raw = await redis.get(memory_count_key(cfg.org_id))
    return int(raw) if raw else None


@get("/cache/{name:str}")
async def cache_for_caller(request: Request, name: str) -> dict:
    org = request.headers["x-org-id"]
    scoped = Redis.from_url(cfg.redis.url, db=int(org))  # expect: MOL302
    return {"value": await scoped.get(f"ws:{name}")}
