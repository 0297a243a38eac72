"""Runtime settings of the workspace server. A tenant learns who it is only from MOLECULE_ORG_ID."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from workspace.app.constants import DEFAULT_PLATFORM_URL


@dataclass(frozen=True)
class Settings:
    org_id: str = field(default_factory=lambda: os.environ["MOLECULE_ORG_ID"])
    database_url: str = field(default_factory=lambda: os.environ["WORKSPACE_DATABASE_URL"])
    redis_url: str = field(default_factory=lambda: os.environ.get("WORKSPACE_REDIS_URL", "redis://localhost:6379/0"))
    platform_url: str = field(default_factory=lambda: os.getenv("MOLECULE_PLATFORM_URL", DEFAULT_PLATFORM_URL))


settings = Settings()
