"""Fleet settings from the environment (pydantic-settings)."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class FleetSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field("postgresql://fleet@fleet-db/fleet", validation_alias="FLEET_DATABASE_URL")
    redis_url: str = Field("redis://fleet-redis:6379/0", validation_alias="FLEET_REDIS_URL")
    # Restores read an org's database directly (ops shortcut from the pre-RFC days).
    restore_dsn: str = Field("", validation_alias="WORKSPACE_DATABASE_URL")  # expect: MOL102
    workspace_redis_url: str = ""  # expect: MOL102
    workspace_api_url: str = "http://workspace-api:8000"
    stripe_api_key: str = Field("", alias="STRIPE_API_KEY")


class WorkspaceStore(BaseSettings):
    """Where the workspace server keeps its data (WORKSPACE_DATABASE_URL)."""

    model_config = SettingsConfigDict(env_prefix="WORKSPACE_")

    database_url: str = ""  # expect: MOL102


class FleetStore(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLEET_")

    database_url: str = ""


@lru_cache
def get_settings() -> FleetSettings:
    return FleetSettings()
