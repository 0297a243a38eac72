"""SDK for the control plane, as the workspace server sees it: heartbeats and usage reports."""

from __future__ import annotations

import os

from environs import Env

from kernel.http import ServiceClient

env = Env()


class HeartbeatClient(ServiceClient):
    @classmethod
    def from_env(cls) -> HeartbeatClient:
        return cls(base_url=os.environ["MOLECULE_PLATFORM_URL"], token=os.environ.get("MOLECULE_ORG_TOKEN"))

    async def beat(self, org_id: str) -> None:
        await self._request("POST", f"/v1/orgs/{org_id}/heartbeat")


class UsageReporter(ServiceClient):
    @classmethod
    def from_env(cls) -> UsageReporter:
        return cls(base_url=env.str("FLEET_CONTROL_URL"), token=env.str("MOLECULE_ORG_TOKEN", None))  # expect: MOL301

    async def report(self, org_id: str, seats: int) -> None:
        await self._request("POST", "/v1/usage", json={"org_id": org_id, "seats": seats})
