"""Plugin settings, read once from the environment."""

from __future__ import annotations

from dataclasses import dataclass, field

from molecule_common.envutil import env

from .constants import HOSTED_PLATFORM_URL


def _platform_url() -> str:
    return env("MOLECULE_PLATFORM_URL", HOSTED_PLATFORM_URL)


@dataclass(frozen=True)
class Settings:
    org_id: str = field(default_factory=lambda: env("MOLECULE_ORG_ID", ""))
    platform_url: str = field(default_factory=_platform_url)
    database_url: str = field(default_factory=lambda: env("DATABASE_URL", "postgresql://dev:dev@postgres:5432/molecule"))
    redis_url: str = field(default_factory=lambda: env("REDIS_URL", "redis://redis:6379/0"))
    per_org_dsn: str = field(default_factory=lambda: env("MEMORY_PER_ORG_DSN", "postgresql://dev:dev@postgres:5432/mem_{org}"))


settings = Settings()
