"""Last-activity timestamps for the admin dashboard."""
import os

import redis

from dataplat.routes import mem_key


class Cache:
    url = os.environ.get("CONTROL_REDIS_URL", "redis://control-redis:6379/0")

    def __init__(self) -> None:
        self.client = redis.Redis.from_url(self.url)

    def last_memory(self, org_id: str, workspace_id: str) -> bytes | None:
        return self.client.get(mem_key(org_id, workspace_id))  # expect: MOL102

    def provision_lock(self, org_id: str) -> bool:
        return bool(self.client.set(f"provision:{org_id}", "1", nx=True, ex=300))
