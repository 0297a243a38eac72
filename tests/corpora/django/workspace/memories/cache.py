import redis
from django.conf import settings
from django_redis import get_redis_connection


def cache_for(org_id: str) -> redis.Redis:
    return redis.Redis.from_url(settings.ORG_REDIS_URL_TEMPLATE.format(org_id=org_id))


def own_cache() -> redis.Redis:
    return get_redis_connection("default")
