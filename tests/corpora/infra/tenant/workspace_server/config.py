"""Workspace server settings. On an org host they come from /etc/molecule/tenant.env."""

from functools import lru_cache

from pydantic import AnyHttpUrl
from pydantic_settings import BaseSettings, SettingsConfigDict


class WorkspaceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file="/etc/molecule/tenant.env", extra="ignore")

    molecule_org_id: str
    molecule_platform_url: str = "https://api.molecule.cloud"  # expect: MOL301
    database_url: str = "postgresql://workspace@127.0.0.1:5432/workspace"
    redis_url: str = "redis://127.0.0.1:6379/0"
    jwt_public_key: str = ""


class UsageReporterSettings(BaseSettings):
    """Where the hourly usage counters go."""

    platform_api_url: AnyHttpUrl  # expect: MOL301
    interval_seconds: int = 3600


@lru_cache
def get_settings() -> WorkspaceSettings:
    return WorkspaceSettings()
