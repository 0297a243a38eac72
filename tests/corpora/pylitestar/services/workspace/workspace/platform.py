"""Heartbeats to the control plane."""

import os

import httpx

from molecore.envs import Env
from workspace.config import cfg

PLATFORM_URL = os.environ[Env.PLATFORM_URL]


async def heartbeat() -> None:
    async with httpx.AsyncClient(base_url=PLATFORM_URL) as client:
        await client.post("/v1/heartbeat", json={"org_id": cfg.org_id})


async def report_usage(count: int) -> None:
    async with httpx.AsyncClient(base_url=cfg.platform.url) as client:
        await client.post("/v1/usage", json={"org_id": cfg.org_id, "memories": count})  # expect: MOL301
