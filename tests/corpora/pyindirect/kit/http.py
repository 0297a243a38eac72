"""One httpx client per service, built from a base URL."""

from typing import Any

import httpx

from .env import env_url


class ServiceClient:
    def __init__(self, base_url: str, *, timeout: float = 5.0) -> None:
        self._http = httpx.Client(base_url=base_url, timeout=timeout)

    @classmethod
    def for_workspace(cls, host: str) -> "ServiceClient":
        return cls(f"http://{host}:8000")

    @classmethod
    def from_env(cls, name: str) -> "ServiceClient":
        return cls(env_url(name))

    def get_json(self, path: str, **params: Any) -> Any:
        resp = self._http.get(path, params=params)
        resp.raise_for_status()
        return resp.json()

    def post_json(self, path: str, body: dict) -> Any:
        resp = self._http.post(path, json=body)
        resp.raise_for_status()
        return resp.json()
