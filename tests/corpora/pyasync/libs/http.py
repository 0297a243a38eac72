"""A small aiohttp client base that every service's API clients extend."""

from __future__ import annotations

from typing import Any

import aiohttp


class ServiceClient:
    def __init__(self, base_url: str, token: str | None = None, timeout: float = 10.0) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._session = aiohttp.ClientSession(
            base_url=base_url,
            headers=headers,
            timeout=aiohttp.ClientTimeout(total=timeout),
        )

    async def get_json(self, path: str, **params: Any) -> Any:
        async with self._session.get(path, params=params) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def post_json(self, path: str, payload: dict[str, Any]) -> Any:
        async with self._session.post(path, json=payload) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def close(self) -> None:
        await self._session.close()
