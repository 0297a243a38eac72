"""Support console: what an operator may look at for a ticket."""

from __future__ import annotations

from collections.abc import Sequence

from fleet_control.adapters.orm import MemoryEntryView, Organization
from fleet_control.adapters.repositories import OrganizationRepository
from fleet_control.adapters.uow import SqlAlchemyUnitOfWork
from fleet_control.adapters.workspace_api import WorkspaceAPI


class SupportService:
    def __init__(self, uow: SqlAlchemyUnitOfWork, workspace_api: WorkspaceAPI) -> None:
        self._uow = uow
        self._workspace_api = workspace_api

    def organisation(self, org_id: str) -> Organization | None:
        with self._uow as uow:
            return OrganizationRepository.from_session(uow.session).get(org_id)

    def memory_detail(self, memory_id: int) -> MemoryEntryView | None:
        with self._uow as uow:
            return uow.memories.get(memory_id)  # expect: MOL101

    def workspace_memories(self, org_id: str, workspace_id: str) -> Sequence[MemoryEntryView]:
        with self._uow as uow:
            return uow.memories.for_workspace(org_id, workspace_id)

    def forget_workspace(self, org_id: str, workspace_id: str) -> int:
        """GDPR erasure requested through a support ticket."""
        with self._uow as uow:
            removed = uow.memories.delete_where(MemoryEntryView.org_id == org_id, MemoryEntryView.workspace_id == workspace_id)  # expect: MOL101
            uow.commit()
            return removed

    async def workspace_ready(self) -> bool:
        return await self._workspace_api.ready()
