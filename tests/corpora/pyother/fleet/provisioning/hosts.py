"""Host lifecycle: readiness after provisioning, activity export before a host is retired."""

import aiohttp
from yarl import URL

from kit.routes import ACTIVITY_PATH, READY_PATH


async def wait_ready(session: aiohttp.ClientSession, host: str) -> bool:
    async with session.get(f"https://{host}{READY_PATH}") as response:
        return response.status == 200


async def export_activity(session: aiohttp.ClientSession, host: str, workspace_id: str) -> list[dict]:
    async with session.get(f"https://{host}" + ACTIVITY_PATH.format(ws=workspace_id)) as response:  # expect: MOL103
        return await response.json()


async def export_memories(session: aiohttp.ClientSession, host: str, workspace_id: str) -> list[dict]:
    url = URL.build(scheme="https", host=host) / "api" / "workspaces" / workspace_id / "memories"
    async with session.get(url) as response:  # expect: MOL103
        return await response.json()
