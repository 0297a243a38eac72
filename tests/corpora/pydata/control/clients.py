"""HTTP client for an org's runtime."""
import os

import httpx

from dataplat.routes import ROUTES


class RuntimeClient:
    def __init__(self, base_url: str | None = None, timeout: float = 10.0) -> None:
        self.base_url = base_url or os.environ["RUNTIME_URL"]
        self.http = httpx.Client(base_url=self.base_url, timeout=timeout)

    def healthy(self) -> bool:
        return self.http.get(ROUTES["health"]).status_code == 200

    def memories(self, workspace_id: str) -> list[dict]:
        return self.http.get(ROUTES["memories"].format(ws=workspace_id)).json()  # expect: MOL103
