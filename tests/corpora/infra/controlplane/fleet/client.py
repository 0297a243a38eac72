"""HTTP client for one org host's workspace server."""

import httpx

from controlplane.fleet import routes


class WorkspaceClient:
    def __init__(self, fqdn: str, timeout: float = 10.0) -> None:
        self._http = httpx.Client(base_url=f"https://{fqdn}", timeout=timeout)

    def healthy(self) -> bool:
        return self._http.get(routes.HEALTH).status_code == 200

    def version(self) -> str:
        return self._http.get(routes.VERSION).text

    def activity(self, workspace_id: str) -> list[dict]:
        response = self._http.get(routes.WORKSPACE_ACTIVITY.format(workspace_id=workspace_id))  # expect: MOL103
        response.raise_for_status()
        return response.json()["items"]
