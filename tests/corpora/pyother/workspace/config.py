"""Workspace server settings (pydantic-settings)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class WorkspaceSettings(BaseSettings):
    """Every value comes from the host's env file; the platform URL from MOLECULE_PLATFORM_URL."""

    model_config = SettingsConfigDict(env_prefix="WORKSPACE_")

    database_url: str = "postgresql://workspace@postgres:5432/workspace"
    redis_url: str = "redis://redis:6379/0"
    org_id: str = Field(validation_alias="MOLECULE_ORG_ID")
    platform_url: str = Field("https://fleet.corp-cloud.io", validation_alias="MOLECULE_PLATFORM_URL")  # expect: MOL301


class UsageSink(BaseSettings):
    """Where usage is pushed (the fleet's ingest API)."""

    model_config = SettingsConfigDict(env_prefix="FLEET_")

    api_url: str = ""  # expect: MOL301


settings = WorkspaceSettings()
