from celery import chord, group, shared_task
from django.core.cache import cache, caches

from fleet.core.models import MemoryQuota, Organization, UsageSnapshot
from fleet.reports.sql import queries
from libs.common.cache_keys import memory_key, quota_key
from libs.common.db import fetch_all, fetch_value
from libs.common.env import env_url


@shared_task
def collect_org_activity(org_slug):
    rows = fetch_all(queries.ACTIVITY_FOR_ORG, [org_slug], using="workspace_ro")  # expect: MOL101, MOL102
    return len(rows)


@shared_task
def store_fleet_usage(results):
    UsageSnapshot.objects.create(total_events=sum(results))


@shared_task
def nightly_usage_rollup():
    slugs = Organization.objects.active().values_list("slug", flat=True)
    chord(collect_org_activity.s(slug) for slug in slugs)(store_fleet_usage.s())  # expect: MOL202


@shared_task
def refresh_quota_cache():
    quotas = MemoryQuota.objects.select_related("org")
    cache.set_many({quota_key(q.org_id): q.limit_mb for q in quotas})
    return group(warm_memory_cache.s(q.org.slug) for q in quotas).apply_async()  # expect: MOL202


@shared_task
def warm_memory_cache(org_slug, keys=("profile", "pinned")):
    hits = caches["workspace"].get_many([memory_key(org_slug, k) for k in keys])  # expect: MOL102
    return len(hits)


def memory_plugin_url():
    return env_url("MEMORY_PLUGIN_URL", "http://memory-plugin:7070")  # expect: MOL102


def org_memory_bytes(org_slug):
    return fetch_value("SELECT sum(size_bytes) FROM " + queries.TenantTables.MEMORIES + " WHERE org_id = %s", [org_slug])  # expect: MOL101
