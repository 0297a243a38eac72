"""Redis: API-call counters for billing (the fleet's Redis), and the memory cache peek used by support."""

import redis.asyncio as redis

from fleet.settings import get_settings
from kit import keys


class BillingCounters:
    def __init__(self) -> None:
        self._redis = redis.from_url(get_settings().redis_url, decode_responses=True)

    async def hit(self, org_id: str) -> int:
        return await self._redis.incr(keys.billing_key(org_id))

    async def peek_memory(self, org_id: str, workspace_id: str) -> str | None:
        return await self._redis.get(keys.memory_key(org_id, workspace_id))  # expect: MOL102


def workspace_cache() -> redis.Redis:
    return redis.Redis.from_url(get_settings().workspace_redis_url)
