"""Engines and Redis clients of the workspace server."""

from functools import lru_cache

import redis
from sqlalchemy import Engine, create_engine

from workspace.config import settings

DSN_TEMPLATE = "postgresql+psycopg://workspace@db-{org}.internal:5432/workspace"
REDIS_TEMPLATE = "redis://cache-{org}.internal:6379/0"


@lru_cache(maxsize=64)
def engine_for(org: str) -> Engine:
    return create_engine(DSN_TEMPLATE.format(org=org), pool_pre_ping=True)


def own_engine() -> Engine:
    return engine_for(settings.org_id)


def redis_for(org: str) -> redis.Redis:
    return redis.Redis.from_url(REDIS_TEMPLATE.format(org=org))


def own_redis() -> redis.Redis:
    return redis.Redis.from_url(settings.redis_url)
