"""Reports plugin liveness to the platform every 30 s."""

from __future__ import annotations

import asyncio
import logging
import os

import httpx

from .constants import LEGACY_PLATFORM_ENV
from .settings import settings

logger = logging.getLogger(__name__)


def _platform_base() -> str:
    # Old runtime images only set the legacy name; prefer it when present.
    return os.getenv(LEGACY_PLATFORM_ENV) or settings.platform_url  # expect: MOL301


async def beat_forever(interval: float = 30.0) -> None:
    async with httpx.AsyncClient(base_url=_platform_base(), timeout=10) as client:
        while True:
            try:
                await client.post("/registry/heartbeat", json={"org_id": settings.org_id, "component": "memory"})
            except httpx.HTTPError as exc:
                logger.warning("heartbeat to platform failed: %s", exc)
            await asyncio.sleep(interval)
