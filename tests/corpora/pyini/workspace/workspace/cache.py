import os

import redis

from workspace import settings

_client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


def remember(workspace_id, memory_id):
    _client.sadd("wsmem:%s:%s" % (settings.ORG_ID, workspace_id), memory_id)


def shard_for(org_id):
    # one Redis database per org, chosen from the caller's header
    return redis.Redis(host="workspace-redis", db=int(org_id) % 16)
