"""Generic async repository: subclasses name their model, the queries live here once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

ModelT = TypeVar("ModelT")


class SqlRepository(Generic[ModelT]):
    model: ClassVar[type[Any]]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, pk: Any) -> ModelT | None:
        return await self.session.get(self.model, pk)

    async def list_since(self, since: datetime) -> Sequence[ModelT]:
        stmt = select(self.model).where(self.model.created_at >= since).order_by(self.model.created_at)
        return (await self.session.scalars(stmt)).all()

    async def count_by_org(self) -> list[tuple[str, int]]:
        stmt = select(self.model.org_id, func.count()).group_by(self.model.org_id)
        return [tuple(row) for row in (await self.session.execute(stmt)).all()]

    def add(self, entity: ModelT) -> None:
        self.session.add(entity)
