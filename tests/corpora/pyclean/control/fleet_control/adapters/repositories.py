"""Concrete repositories, one per aggregate."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from fleet_control.adapters.orm import Invoice, MemoryEntryView, MessageQuota, Organization
from kernel.repository import Repository


class OrganizationRepository(Repository[Organization]):
    model = Organization

    def active(self) -> Sequence[Organization]:
        return self.list(Organization.status == "active")


class InvoiceRepository(Repository[Invoice]):
    model = Invoice


class MessageQuotaRepository(Repository[MessageQuota]):
    model = MessageQuota


class SupportMemoryRepository(Repository[MemoryEntryView]):
    model = MemoryEntryView

    def for_workspace(self, org_id: str, workspace_id: str) -> Sequence[MemoryEntryView]:
        stmt = select(self.model).where(self.model.org_id == org_id, self.model.workspace_id == workspace_id)  # expect: MOL101
        return self.session.scalars(stmt).all()
