"""A tiny table-agnostic DAO for the platform's own bookkeeping tables."""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


class RowCounter:
    def __init__(self, session: AsyncSession, table: str) -> None:
        self._session = session
        self._table = table

    async def count(self) -> int:
        return (await self._session.execute(text(f"SELECT count(*) FROM {self._table}"))).scalar_one()

    async def count_for_org(self, org_id: str) -> int:
        sql = text(f"SELECT count(*) FROM {self._table} WHERE org_id = :org_id")
        return (await self._session.execute(sql, {"org_id": org_id})).scalar_one()
