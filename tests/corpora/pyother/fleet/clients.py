"""Clients of the workspace API, built from settings."""

import urllib3

from fleet.settings import get_settings
from kit.http import ServiceClient
from kit.routes import MESSAGES_ROUTE


class WorkspaceApi(ServiceClient):
    def __init__(self, base_url: str | None = None) -> None:
        super().__init__(base_url or get_settings().workspace_api_url)

    def memories(self, workspace_id: str) -> dict:
        return self.get_json(f"/api/workspaces/{workspace_id}/memories")  # expect: MOL103

    def health(self) -> dict:
        return self.get_json("/healthz")


class LegacyExport:
    """Support's export tool predates httpx."""

    def __init__(self, host: str) -> None:
        self.base = f"https://{host}"
        self.http = urllib3.PoolManager()

    def messages(self, workspace_id: str) -> bytes:
        return self.http.request("GET", self.base + MESSAGES_ROUTE % workspace_id).data  # expect: MOL103

    def version(self) -> bytes:
        return self.http.request("GET", self.base + "/version").data
