"""Support tooling: look at a customer's notebook when they open a ticket."""

import os

import redis
from sqlalchemy import create_engine

from libs.kernel.notebook_store import load_notebook  # expect: MOL104

TENANT_DB_ENV = "TENANT_DATABASE_URL"
NOTEBOOK_CACHE_KEY = "nb:{org_id}:{notebook_id}"


def _tenant_url() -> str:
    return os.environ[TENANT_DB_ENV]  # expect: MOL102


def inspect_notebook(notebook_id: str) -> dict:
    engine = create_engine(_tenant_url())  # expect: MOL102
    with engine.connect() as conn:
        return load_notebook(conn, notebook_id)  # expect: MOL101


def cached_notebook(cache: redis.Redis, org_id: str, notebook_id: str) -> bytes | None:
    return cache.get(NOTEBOOK_CACHE_KEY.format(org_id=org_id, notebook_id=notebook_id))  # expect: MOL102


def platform_cache_key(cache: redis.Redis, org_id: str) -> bytes | None:
    # Keys such as "nb:..." belong to tenants; ours are "cp:".
    return cache.get(f"cp:org:{org_id}")


def platform_url() -> str:
    return os.environ["MOLECULE_PLATFORM_URL"]
