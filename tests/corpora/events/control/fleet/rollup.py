from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from control.container import Container
from dbkit.sql import rows_per_org, table_size
from eventkit.tables import MEMORIES


async def memory_rollup(container: Container, since: datetime) -> dict[str, int]:
    async with container.workspace_engine.connect() as conn:
        rows = await conn.execute(text(rows_per_org(MEMORIES)), {"since": since})  # expect: MOL101, MOL201
        return {org_id: n for org_id, n in rows}


async def quota_table_size(container: Container) -> int:
    async with container.engine.connect() as conn:
        return (await conn.execute(text(table_size("memory_quotas")))).scalar_one()
