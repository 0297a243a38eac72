"""Unit of work: one session, the repositories bound to it, one commit."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from fleet_control.adapters.repositories import (
    InvoiceRepository,
    OrganizationRepository,
    SupportMemoryRepository,
)


class SqlAlchemyUnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        self.organizations = OrganizationRepository.from_session(self.session)
        self.invoices = InvoiceRepository.from_session(self.session)
        self.memories = SupportMemoryRepository.from_session(self.session)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
