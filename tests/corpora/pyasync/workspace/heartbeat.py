"""Reports liveness and seat usage to the platform every minute."""

import asyncio

from libs.http import ServiceClient
from workspace import identity
from workspace.settings import settings


class PlatformClient(ServiceClient):
    def __init__(self) -> None:
        super().__init__(settings.get("CONTROLPLANE_URL", identity.PLATFORM_URL))

    async def beat(self, seats: int) -> None:
        await self.post_json(f"/api/orgs/{identity.ORG_ID}/heartbeat", {"seats": seats})


async def run_forever(seats: int) -> None:
    client = PlatformClient()
    while True:
        await client.beat(seats)
        await asyncio.sleep(60)
