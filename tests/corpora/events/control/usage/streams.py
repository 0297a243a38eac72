"""Meter activity straight from the workspace's Redis streams."""

from __future__ import annotations

import redis.asyncio as aioredis

from control.container import Container
from workspace_svc.streams import activity_stream, memory_channel  # expect: MOL104


async def drain_activity(container: Container, workspace_id: str) -> int:
    entries = await container.workspace_redis.xreadgroup("billing", "meter-1", {activity_stream(workspace_id): ">"}, count=500)  # expect: MOL102
    return sum(len(messages) for _, messages in entries)


async def broker_alive(redis: aioredis.Redis) -> bool:
    return bool(await redis.ping())


async def watch_memories(container: Container, workspace_id: str) -> None:
    pubsub = container.workspace_redis.pubsub()
    await pubsub.subscribe(memory_channel(workspace_id))  # expect: MOL102


async def watch_invoices(container: Container) -> None:
    pubsub = container.redis.pubsub()
    await pubsub.subscribe("billing:invoices")
