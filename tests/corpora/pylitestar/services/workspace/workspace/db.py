import asyncpg

from workspace.config import cfg


async def open_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(cfg.db.url, max_size=cfg.db.pool_size)


def dsn_for(org: str) -> str:
    return cfg.tenants.dsn_template.format(org=org)
