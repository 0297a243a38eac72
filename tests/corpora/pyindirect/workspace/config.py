"""Workspace-server settings: one org per process, told by MOLECULE_ORG_ID."""

import os
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from kit import defaults
from kit.env import env_url
from kit.envnames import WORKSPACE_CACHE, WORKSPACE_DB


class PlatformEnv(StrEnum):
    URL = "MOLECULE_PLATFORM_URL"
    LEGACY_URL = "CONTROL_URL"


@dataclass(frozen=True)
class WorkspaceSettings:
    org_id: str = field(default_factory=lambda: os.environ["MOLECULE_ORG_ID"])
    database_url: str = field(default_factory=lambda: env_url(WORKSPACE_DB))
    redis_url: str = field(default_factory=lambda: env_url(WORKSPACE_CACHE, defaults.LOCAL_REDIS))
    platform_url: str = field(default_factory=lambda: os.environ.get(PlatformEnv.URL) or defaults.CONTROL_API)  # expect: MOL301
    legacy_platform_url: str | None = field(default_factory=lambda: os.environ.get(PlatformEnv.LEGACY_URL))  # expect: MOL301


settings = WorkspaceSettings()


@lru_cache(maxsize=1)
def platform_base() -> str:
    return os.environ.get(PlatformEnv.URL, "")
