from redis.asyncio import Redis

from moleculekit.keys import memory_key, workspace_key
from workspace_api.config import get_settings

redis = Redis.from_url(get_settings().stores.redis_url, decode_responses=True)


async def cache_status(workspace_id: str, status: str) -> None:
    await redis.set(workspace_key(workspace_id, "status"), status, ex=60)


async def cached_memory(memory_id: str) -> dict[str, str]:
    return await redis.hgetall(memory_key(memory_id))
