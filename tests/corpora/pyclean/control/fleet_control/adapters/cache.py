"""The control plane's Redis: quotas and rate limits."""

from __future__ import annotations

import redis.asyncio as aioredis

from kernel.cache_keys import memory_key, quota_key, run_queue_key


class FleetCache:
    def __init__(self, url: str) -> None:
        self._redis = aioredis.from_url(url, decode_responses=True)

    async def quota_left(self, org_id: str) -> int:
        return int(await self._redis.get(quota_key(org_id)) or 0)

    async def peek_memory(self, workspace_id: str) -> dict[str, str]:
        return await self._redis.hgetall(memory_key(workspace_id))  # expect: MOL102

    async def queued_runs(self, workspace_id: str) -> int:
        return await self._redis.llen(run_queue_key(workspace_id))  # expect: MOL102
