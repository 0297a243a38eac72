"""Environment access with one error message for a missing variable."""

import os
from functools import lru_cache

import redis


def env_url(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise RuntimeError(f"{name} is not set")
    return value


@lru_cache(maxsize=None)
def redis_from_env(name: str) -> redis.Redis:
    return redis.Redis.from_url(env_url(name), decode_responses=True)
