"""Redis bookkeeping of the provisioner."""

from __future__ import annotations

import os

import redis

KEYS = {
    "recent_memories": "mem:{workspace_id}:recent",
    "provision_lock": "provision:{org_id}:lock",
}

_redis = redis.Redis.from_url(os.environ.get("CONTROLPLANE_REDIS_URL", "redis://localhost:6379/1"))


def lock(org_id: str) -> bool:
    return bool(_redis.set(KEYS["provision_lock"].format(org_id=org_id), "1", nx=True, ex=300))


def warm_memories(workspace_id: str) -> bytes | None:
    return _redis.get(KEYS["recent_memories"].format(workspace_id=workspace_id))  # expect: MOL102
