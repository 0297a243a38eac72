"""Generic SQLAlchemy 2.0 repository: concrete repositories only name their model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Self, TypeVar

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from kernel.orm import Base

T = TypeVar("T", bound=Base)


class Repository(Generic[T]):
    model: type[T]

    def __init__(self, session: Session) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: Session) -> Self:
        return cls(session)

    def get(self, pk: Any) -> T | None:
        return self.session.get(self.model, pk)

    def list(self, *criteria: ColumnElement[bool]) -> Sequence[T]:
        return self.session.scalars(select(self.model).where(*criteria)).all()

    def count(self, *criteria: ColumnElement[bool]) -> int:
        stmt = select(func.count()).select_from(self.model).where(*criteria)
        return self.session.scalar(stmt) or 0

    def delete_where(self, *criteria: ColumnElement[bool]) -> int:
        return self.session.execute(delete(self.model).where(*criteria)).rowcount

    def add(self, entity: T) -> T:
        self.session.add(entity)
        return entity
