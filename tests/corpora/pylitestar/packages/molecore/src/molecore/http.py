"""httpx clients that sign every request with the service token."""

import os

import httpx


async def _sign(request: httpx.Request) -> None:
    request.headers["Authorization"] = f"Bearer {os.environ.get('SERVICE_TOKEN', '')}"


class ServiceClient(httpx.AsyncClient):
    def __init__(self, base_url: str, **kwargs: object) -> None:
        super().__init__(base_url=base_url, event_hooks={"request": [_sign]}, timeout=10.0, **kwargs)
