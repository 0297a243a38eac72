import requests
from flask import current_app
from fleetlib import routes


class WorkspaceClient:
    """HTTP client of one org's workspace server."""

    def __init__(self, base_url: str | None = None, timeout: float = 10.0):
        self.base_url = (base_url or current_app.config["WORKSPACE_API_URL"]).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "controlhub/2.3"

    def _url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def healthy(self) -> bool:
        return self.session.get(self._url(routes.HEALTH), timeout=self.timeout).ok

    def status(self, workspace_id: str) -> dict:
        return self.session.get(self._url(routes.STATUS.format(workspace_id=workspace_id)), timeout=self.timeout).json()

    def export_memories(self, workspace_id: str) -> list:
        resp = self.session.get(self._url(routes.memories_path(workspace_id)), timeout=self.timeout)  # expect: MOL103
        resp.raise_for_status()
        return resp.json()["items"]

    def activity(self, workspace_id: str, since: str) -> list:
        url = self._url(routes.activity_path(workspace_id))
        return self.session.get(url, params={"since": since}, timeout=self.timeout).json()  # expect: MOL103
