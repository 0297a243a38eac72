"""The workspace's own Redis: memory hashes and run queues."""

from __future__ import annotations

import redis.asyncio as aioredis

from kernel.cache_keys import memory_key, run_queue_key
from workspace_server.settings import WorkspaceSettings


class WorkspaceCache:
    def __init__(self, settings: WorkspaceSettings) -> None:
        self._redis = aioredis.from_url(settings.redis_url, decode_responses=True)

    async def remember(self, workspace_id: str, key: str, value: str) -> None:
        await self._redis.hset(memory_key(workspace_id), key, value)

    async def enqueue_run(self, workspace_id: str, run_id: str) -> None:
        await self._redis.rpush(run_queue_key(workspace_id), run_id)
