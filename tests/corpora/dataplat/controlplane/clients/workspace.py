"""HTTP client for a workspace server on an org host."""

from __future__ import annotations

import os

import httpx

from libs.datalib import routes


class WorkspaceClient:
    def __init__(self, base_url: str | None = None, timeout: float = 10.0) -> None:
        self._http = httpx.Client(base_url=base_url or os.environ["WORKSPACE_API_URL"], timeout=timeout)

    def is_healthy(self) -> bool:
        return self._http.get(routes.WORKSPACE_HEALTH).status_code == 200

    def activity(self, workspace_id: str) -> list[dict]:
        response = self._http.get(routes.WORKSPACE_ACTIVITY.format(workspace_id=workspace_id))  # expect: MOL103
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self._http.close()
