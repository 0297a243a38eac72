"""Connection pools. One org per host, so normally one pool."""

from __future__ import annotations

import asyncpg

from .settings import settings

_pools: dict[str, asyncpg.Pool] = {}


async def pool_for(org_id: str) -> asyncpg.Pool:
    """The pool of an org's memory database (self-hosted multi-org installs)."""
    if org_id not in _pools:
        _pools[org_id] = await asyncpg.create_pool(settings.per_org_dsn.format(org=org_id))
    return _pools[org_id]


async def default_pool() -> asyncpg.Pool:
    return await pool_for(settings.org_id)
