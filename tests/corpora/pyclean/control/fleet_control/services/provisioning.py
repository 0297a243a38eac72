"""Provisioning: create the org's host, point DNS at it, wait until its workspace server answers."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from tenacity import AsyncRetrying, stop_after_delay, wait_fixed

from fleet_control.config import Settings

READY_PATH = "/readyz"
WELCOME_PATH = "/v1/workspaces/{workspace_id}/messages"


async def wait_until_ready(settings: Settings, workspace_id: str) -> None:
    async with aiohttp.ClientSession(base_url=settings.workspace_api_url) as http:
        async for attempt in AsyncRetrying(stop=stop_after_delay(600), wait=wait_fixed(5)):
            with attempt:
                async with http.get(READY_PATH) as response:
                    response.raise_for_status()


async def welcome_thread(settings: Settings, workspace_id: str) -> list[dict[str, Any]]:
    async with aiohttp.ClientSession(base_url=settings.workspace_api_url) as http:
        async with http.get(WELCOME_PATH.format(workspace_id=workspace_id)) as response:  # expect: MOL103
            return await response.json()


async def provision(settings: Settings, workspace_ids: list[str]) -> None:
    await asyncio.gather(*(wait_until_ready(settings, ws) for ws in workspace_ids))
