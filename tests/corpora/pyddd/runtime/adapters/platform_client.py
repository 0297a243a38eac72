"""Pushes usage to the platform; the tenant knows the platform only through MOLECULE_PLATFORM_URL."""

import os

import httpx

from runtime.settings import settings


class PlatformAdapter:
    def __init__(self, base_url: str) -> None:
        self._client = httpx.AsyncClient(base_url=base_url)

    async def push_usage(self, messages: int, runs: int) -> None:
        await self._client.post("/v1/usage", json={"messages": messages, "runs": runs})


def platform_adapter() -> PlatformAdapter:
    return PlatformAdapter(os.environ["MOLECULE_PLATFORM_URL"])


def legacy_adapter() -> PlatformAdapter:
    return PlatformAdapter(os.environ.get("CONTROLPLANE_URL", settings.platform.url))  # expect: MOL301


class BillingHook:
    """Old hook kept for the self-hosted edition."""

    endpoint = os.getenv("FLEETDECK_API", "https://api.fleetdeck.io/v1/hooks")  # expect: MOL301

    def fire(self, event: dict) -> None:
        httpx.post(self.endpoint, json=event)
