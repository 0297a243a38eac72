"""Sweep Redis: release stale ops locks; report workspace queue depth."""

import redis

from acmelib import names
from opsjobs.db import ops_redis
from opsjobs.settings import queue_redis_url

QUEUE_PATTERN = names.QUEUE_PREFIX + "*"
LOCK_PATTERN = f"{names.OPS_LOCK_PREFIX}*"


def release_stale_locks(max_age):
    r = ops_redis()
    for key in r.scan_iter(LOCK_PATTERN):
        if r.object("idletime", key) > max_age:
            r.delete(key)


def queue_depths():
    r = redis.Redis.from_url(queue_redis_url())  # expect: MOL102
    depths = {}
    for key in r.scan_iter(match=QUEUE_PATTERN, count=500):  # expect: MOL102
        depths[key] = r.llen(key)
    return depths


def drop_run_locks(run_ids):
    r = redis.Redis.from_url(queue_redis_url())  # expect: MOL102
    pipe = r.pipeline()
    for run_id in run_ids:
        pipe.delete(names.RUN_LOCK_PREFIX + str(run_id))  # expect: MOL102
    pipe.execute()
