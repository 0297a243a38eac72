"""Cached counters shown on the provisioning page."""

from django.core.cache import caches
from django_redis import get_redis_connection

from controlplane.core import constants


def cached_memory_count(org_id: str, workspace_id: str) -> int:
    redis = get_redis_connection(constants.WORKSPACE_CACHE)  # expect: MOL102
    return int(redis.get(constants.MEMORY_KEY.format(org=org_id, workspace=workspace_id)) or 0)  # expect: MOL102


def cached_quota(org_id: str) -> int:
    return caches["default"].get(constants.QUOTA_KEY.format(org=org_id), 0)
