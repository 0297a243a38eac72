"""Adapter over the runtime's HTTP API (one runtime per org host)."""

import httpx

from libs.kernel import routes


class RuntimeAdapter:
    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout)

    async def notebooks(self, org_id: str) -> list[dict]:
        resp = await self._client.get(routes.NOTEBOOKS_ROUTE.format(org_id=org_id))  # expect: MOL103
        return resp.json()

    async def notebook(self, org_id: str, notebook_id: str) -> dict:
        path = routes.NOTEBOOK_ROUTE.format(org_id=org_id, notebook_id=notebook_id)
        return (await self._get(path)).json()  # expect: MOL103

    async def _get(self, path: str) -> httpx.Response:
        return await self._client.get(path)

    async def healthy(self) -> bool:
        # a liveness probe; the notebooks route is never called from here
        resp = await self._client.get(routes.HEALTH_ROUTE)
        return resp.status_code == 200


class ChatExportAdapter:
    base_url = "http://runtime:8000"
    chat_path = routes.CHAT_ROUTE

    def __init__(self) -> None:
        self.http = httpx.Client(base_url=self.base_url)

    def transcript(self, org_id: str) -> list[dict]:
        return self.http.get(self.chat_path.format(org_id=org_id)).json()  # expect: MOL103
