"""Client for a workspace server's API."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from common.http import BaseUrlSession
from controlplane.clients import paths


class WorkspaceClient(BaseUrlSession):
    def __init__(self, base_url: str | None = None) -> None:
        super().__init__(base_url or settings.WORKSPACE_API_BASE)

    def memories(self, workspace_id: str) -> list[dict[str, Any]]:
        return self.get(paths.MEMORIES.format(workspace_id=workspace_id)).json()  # expect: MOL103

    def activity(self, workspace_id: str, since: str) -> list[dict[str, Any]]:
        return self.get(f"api/v1/workspaces/{workspace_id}/activity", params={"since": since}).json()  # expect: MOL103

    def status(self, workspace_id: str) -> str:
        return self.get(paths.STATUS.format(workspace_id=workspace_id)).json()["state"]

    def healthy(self) -> bool:
        return self.get(paths.HEALTH).ok
