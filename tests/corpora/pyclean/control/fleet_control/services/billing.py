"""Billing: invoices and quotas. Everything here is the control plane's own data."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, select, text

from fleet_control.adapters.feeds import AuditDAO
from fleet_control.adapters.orm import Invoice, MessageQuota
from fleet_control.adapters.repositories import MessageQuotaRepository
from fleet_control.adapters.uow import SqlAlchemyUnitOfWork
from kernel.naming import ControlTable

log = logging.getLogger(__name__)


class BillingService:
    def __init__(self, uow: SqlAlchemyUnitOfWork) -> None:
        self._uow = uow

    def revenue_by_org(self) -> Sequence[Row[Any]]:
        stmt = select(Invoice.org_id, func.sum(Invoice.amount_cents)).group_by(Invoice.org_id)
        with self._uow as uow:
            return uow.session.execute(stmt).all()

    def invoices_for(self, org_id: str) -> Sequence[Invoice]:
        with self._uow as uow:
            return uow.invoices.list(Invoice.org_id == org_id)

    def void_invoices(self, org_id: str) -> int:
        with self._uow as uow:
            voided = uow.invoices.delete_where(Invoice.org_id == org_id)
            uow.commit()
            return voided

    def quota_count(self) -> int:
        with self._uow as uow:
            return MessageQuotaRepository.from_session(uow.session).count()

    def quota_for(self, org_id: str) -> MessageQuota | None:
        with self._uow as uow:
            # the limit only; the org's chat_messages stay in its workspace
            return uow.session.get(MessageQuota, org_id)


def organisation_count(conn: Connection) -> int:
    log.info("counting organisations (memory_entries are not ours to count)")
    return conn.execute(text(f"SELECT count(*) FROM {ControlTable.ORGANIZATIONS}")).scalar_one()


def audit_volume(conn: Connection) -> list[Row[Any]]:
    return AuditDAO(conn).volume_by_org()
