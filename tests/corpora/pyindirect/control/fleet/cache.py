"""Redis handles: the control plane's own, and the workspace one for the session dashboard."""

import redis

from kit.env import redis_from_env
from kit.envnames import CONTROL_CACHE, WORKSPACE_CACHE

WS_PREFIX = "ws:"
BILLING_PREFIX = "billing:"


def control_cache() -> redis.Redis:
    return redis_from_env(CONTROL_CACHE)


def workspace_cache() -> redis.Redis:
    return redis_from_env(WORKSPACE_CACHE)  # expect: MOL102


def cached_quota(org_id: str) -> str | None:
    return control_cache().get(f"{BILLING_PREFIX}quota:{org_id}")


def live_sessions(client: redis.Redis, org_id: str) -> int:
    return sum(1 for _ in client.scan_iter(match=f"{WS_PREFIX}{org_id}:session:*"))  # expect: MOL102
