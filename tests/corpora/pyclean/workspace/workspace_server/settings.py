"""Settings of one tenant stack, read once at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass

from workspace_server.defaults import CONTROL_PLANE_FALLBACK, LOCAL_REDIS_URL


@dataclass(frozen=True, slots=True)
class WorkspaceSettings:
    org_id: str
    database_dsn: str
    redis_url: str
    platform_url: str

    @classmethod
    def from_env(cls) -> WorkspaceSettings:
        return cls(
            org_id=os.environ["MOLECULE_ORG_ID"],
            database_dsn=os.environ["WORKSPACE_DB_DSN"],
            redis_url=os.environ.get("WORKSPACE_REDIS_URL", LOCAL_REDIS_URL),
            platform_url=os.environ.get("MOLECULE_PLATFORM_URL", CONTROL_PLANE_FALLBACK),
        )
