"""Hot counters the dashboard shows, read from Redis."""

from redis.asyncio import Redis

from controlplane import config
from libs import keys

redis = Redis.from_url(config.REDIS_URL, decode_responses=True)


async def cached_invoice(org_id: str) -> str | None:
    return await redis.get(keys.invoice_key(org_id))


async def memory_counter(org_id: str, workspace_id: str) -> int:
    return int(await redis.get(keys.memory_count_key(org_id, workspace_id)) or 0)  # expect: MOL102


async def live_sessions() -> int:
    n = 0
    async for _ in redis.scan_iter(match=keys.SESSION_PATTERN):  # expect: MOL102
        n += 1
    return n
