from functools import lru_cache

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class DnsSettings(BaseModel):
    zone_id: str = ""
    api_token: str = ""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CONTROL_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
        populate_by_name=True,
    )

    database_url: str = "postgresql+asyncpg://control:control@control-db:5432/control"
    redis_url: str = "redis://control-redis:6379/0"
    stripe_api_key: str = ""
    dns: DnsSettings = DnsSettings()
    workspace_api_url: str = Field(default="http://workspace-api:8000", alias="WORKSPACE_API_URL")
    backfill_dsn: str | None = Field(default=None, alias="WORKSPACE_DATABASE_URL")  # expect: MOL102


class WorkspaceCacheSettings(BaseSettings):
    """Read-through cache of workspace status; see ops/runbooks/status-cache.md."""

    model_config = SettingsConfigDict(env_prefix="WORKSPACE_", extra="ignore")

    redis_url: str = "redis://localhost:6379/0"  # expect: MOL102


@lru_cache
def get_settings() -> Settings:
    return Settings()
