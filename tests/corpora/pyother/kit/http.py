"""A small JSON client on httpx: subclasses hold a base URL and name their routes."""

import httpx


class ServiceClient:
    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self._http = httpx.Client(base_url=base_url, timeout=timeout)

    def get_json(self, path: str, **params: str) -> dict:
        response = self._http.get(path, params=params)
        response.raise_for_status()
        return response.json()
