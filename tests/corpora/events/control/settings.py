from __future__ import annotations

from pydantic import BaseModel
from pydantic_settings import BaseSettings, SettingsConfigDict

from eventkit.topics import BILLING_USAGE


class KafkaSettings(BaseModel):
    bootstrap: str = "kafka:9092"
    usage_topic: str = BILLING_USAGE
    group_id: str = "billing-meter"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_nested_delimiter="__", extra="ignore")

    database_url: str = "postgresql+asyncpg://control@control-db:5432/control"
    redis_url: str = "redis://control-redis:6379/0"
    kafka: KafkaSettings = KafkaSettings()
    workspace_redis_url: str = "redis://workspace-redis:6379/0"  # expect: MOL102
    workspace_api_url: str = "http://workspace-api:8000"
    workspace_api_token: str = ""


class WorkspaceStore(BaseSettings):
    """Read replica of the workspace database, used by the nightly reports."""

    model_config = SettingsConfigDict(env_prefix="WORKSPACE_")

    db_dsn: str = ""  # expect: MOL102


settings = Settings()
