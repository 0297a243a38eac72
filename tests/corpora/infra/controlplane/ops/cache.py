"""Cache maintenance commands (ops console)."""

import redis

from controlplane.ops.keys import memory_key_pattern, plan_key
from controlplane.settings import get_settings


def platform_cache() -> redis.Redis:
    return redis.Redis.from_url(get_settings().redis_url)


def tenant_cache() -> redis.Redis:
    return redis.Redis.from_url(get_settings().tenant_redis_url)


def evict_memories(client: redis.Redis) -> int:
    evicted = 0
    for key in client.scan_iter(match=memory_key_pattern()):  # expect: MOL102
        client.delete(key)
        evicted += 1
    return evicted


def forget_plan(org_id: str) -> None:
    platform_cache().delete(plan_key(org_id))
