"""Memory access for this org's workspaces."""

from typing import Any

from tortoise.functions import Count

from workspace.models import Memory


class MemoryRepository:
    def __init__(self, org_id: str) -> None:
        self.org_id = org_id

    async def recent(self, workspace_id: str, limit: int = 20) -> list[Memory]:
        return await Memory.filter(org_id=self.org_id, workspace_id=workspace_id).order_by("-created_at").limit(limit)

    async def per_workspace(self) -> list[dict[str, Any]]:
        return await Memory.filter(org_id=self.org_id).annotate(n=Count("id")).group_by("workspace_id").values("workspace_id", "n")

    async def purge_all(self) -> int:
        return await Memory.filter(org_id=self.org_id).delete()
