"""Usage reports for the fleet dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from fleet_control.adapters.orm import ActivityEventView, Invoice, MemoryEntryView
from fleet_control.adapters.repositories import MessageQuotaRepository, SupportMemoryRepository


def per_org_totals(model: Any) -> Select[Any]:
    """Row count per organisation of any org-scoped model."""
    return select(model.org_id, func.count()).group_by(model.org_id)


class UsageReport:
    def __init__(self, session: Session) -> None:
        self._session = session

    def invoices_per_org(self) -> Sequence[Row[Any]]:
        return self._session.execute(per_org_totals(Invoice)).all()

    def quotas(self) -> int:
        return MessageQuotaRepository(self._session).count()

    def memories_per_org(self) -> Sequence[Row[Any]]:
        return self._session.execute(per_org_totals(MemoryEntryView)).all()  # expect: MOL101, MOL201

    def total_memories(self) -> int:
        return SupportMemoryRepository.from_session(self._session).count()  # expect: MOL101, MOL201

    def activity_kinds(self) -> Sequence[Row[Any]]:
        stmt = select(ActivityEventView.kind, func.count(ActivityEventView.id)).group_by(ActivityEventView.kind)  # expect: MOL101, MOL201
        return self._session.execute(stmt).all()
