"""Debug helper for on-call: look at a workspace's cache."""
from __future__ import annotations

import os

import redis

MEMORY_KEY_PREFIX = "mem:"


def _tenant_cache() -> redis.Redis:
    return redis.Redis.from_url(os.environ["WORKSPACE_REDIS_URL"], decode_responses=True)  # expect: MOL102


def cached_memory_keys(workspace_id: str) -> list[str]:
    r = _tenant_cache()
    return list(r.scan_iter(match=f"{MEMORY_KEY_PREFIX}{workspace_id}:*"))  # expect: MOL102


def plan_cache_size() -> int:
    r = redis.Redis.from_url(os.environ.get("CONTROLPLANE_REDIS_URL", "redis://platform-redis:6379/0"))
    return r.dbsize()
