"""Work over every org at once."""

import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor

import redis
from peewee import fn

from common import names
from controlplane.clients import workspace_client
from controlplane.models import ActivityAudit, MemoryQuota, Org
from controlplane.reports.fleet import org_memory_total


def fleet_memory_total():
    org_ids = [org.id for org in Org.select()]
    with ThreadPoolExecutor(max_workers=8) as pool:
        return sum(pool.map(org_memory_total, org_ids))  # expect: MOL202


def fleet_activity():
    totals = {}
    for org in Org.select():  # expect: MOL202
        client = workspace_client({"host": org.host})
        totals[org.id] = len(client.activity("default").json())
    return totals


def _workspace_redis():
    return redis.Redis.from_url(os.getenv(names.WORKSPACE_REDIS_ENV))  # expect: MOL102


def _cached_memories(org_id):
    return len(_workspace_redis().keys(names.memory_key_pattern(org_id)))  # expect: MOL102


def fleet_cached_memories():
    org_ids = [org.id for org in Org.select()]
    with multiprocessing.Pool(4) as pool:
        return sum(pool.map(_cached_memories, org_ids))  # expect: MOL202


def fleet_health():
    results = {}
    for org in Org.select():
        results[org.id] = workspace_client({"host": org.host}).healthy()
    return results


def quota_headroom():
    # the control plane's own tables, aggregated per org: billing, not functional state
    audit = dict(ActivityAudit.select(ActivityAudit.org_id, fn.COUNT(ActivityAudit.id)).group_by(ActivityAudit.org_id).tuples())
    return {quota.org_id: (quota.max_items, audit.get(quota.org_id, 0)) for quota in MemoryQuota.select()}


def _quota_cache(org_id):
    return redis.Redis(host="controlplane-redis").get(names.quota_key(org_id))


def fleet_quota_cache():
    with ThreadPoolExecutor() as pool:
        return list(pool.map(_quota_cache, [org.id for org in Org.select()]))
