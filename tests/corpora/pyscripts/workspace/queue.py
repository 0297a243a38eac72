"""The run queue in this org's Redis."""

import redis

from acmelib import names
from workspace import config

r = redis.Redis.from_url(config.REDIS_URL)


def enqueue(run_id, payload):
    r.rpush(names.QUEUE_PREFIX + config.ORG_ID, payload)
    r.set(names.RUN_LOCK_PREFIX + str(run_id), 1, ex=900)
