"""Workspace status as last reported, kept in the control plane's own Redis."""

from redis.asyncio import Redis

from control_plane.config import get_settings
from moleculekit.keys import billing_key, memory_key, workspace_key

redis = Redis.from_url(get_settings().redis_url, decode_responses=True)


async def workspace_status(workspace_id: str) -> str | None:
    return await redis.get(workspace_key(workspace_id, "status"))  # expect: MOL102


async def peek_memory(memory_id: str) -> dict[str, str]:
    return await redis.hgetall(memory_key(memory_id))  # expect: MOL102


async def balance(org_id: str) -> str | None:
    return await redis.get(billing_key(org_id))
