import asyncpg

from controlplane.config import cfg


async def platform_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(cfg.db.url, max_size=cfg.db.pool_size)


async def workspace_pool() -> asyncpg.Pool:
    """Read replica of the workspace databases, for the fleet report."""
    return await asyncpg.create_pool(cfg.db.workspace_url, max_size=2)  # expect: MOL102
