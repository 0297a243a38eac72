from __future__ import annotations

from pydantic import AnyHttpUrl, BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RedisSettings(BaseModel):
    url: str = "redis://localhost:6379/0"
    stream_maxlen: int = 10_000


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_nested_delimiter="__", env_file=".env", extra="ignore")

    molecule_org_id: str
    molecule_platform_url: AnyHttpUrl
    workspace_db_dsn: str = "postgresql+asyncpg://workspace@localhost:5432/workspace"
    redis: RedisSettings = RedisSettings()
    usage_endpoint: str = Field("https://control.molecule.dev/v1/usage", validation_alias="BILLING_USAGE_URL")  # expect: MOL301


settings = Settings()
