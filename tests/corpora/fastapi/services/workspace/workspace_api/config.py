"""Settings of the workspace server: one org per host, told by MOLECULE_ORG_ID."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class StoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WORKSPACE_", env_file=".env", extra="ignore")

    database_url: str = "postgresql+asyncpg://workspace:workspace@postgres:5432/workspace"
    redis_url: str = "redis://redis:6379/0"


class ControlPlaneSettings(BaseSettings):
    """Where usage is reported. Only MOLECULE_PLATFORM_URL may say where the platform lives."""

    model_config = SettingsConfigDict(env_prefix="CONTROL_PLANE_", extra="ignore")

    url: str = ""  # expect: MOL301
    timeout: float = 5.0


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_nested_delimiter="__", extra="ignore")

    org_id: str = Field(alias="MOLECULE_ORG_ID")
    platform_url: str = Field(alias="MOLECULE_PLATFORM_URL")
    billing_url: str = Field(default="https://control.molecule.dev/api/billing", alias="BILLING_API_URL")  # expect: MOL301
    stores: StoreSettings = StoreSettings()
    log_level: str = "info"


@lru_cache
def get_settings() -> Settings:
    return Settings()  # type: ignore[call-arg]
