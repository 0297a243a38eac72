import redis

from runtime.settings import settings

r = redis.Redis.from_url(settings.redis_url)

ORG_CACHE_DB = {"org_acme": 1, "org_globex": 2}


def cached_notebook(notebook_id: str) -> bytes | None:
    return r.get(f"nb:{settings.org_id}:{notebook_id}")


def cache_for(org_id: str) -> redis.Redis:
    return redis.Redis(host="redis", port=6379, db=ORG_CACHE_DB[org_id])
