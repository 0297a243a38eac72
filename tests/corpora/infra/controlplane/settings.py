"""Control-plane settings, read once from the environment (Railway variables / ECS task env)."""

from functools import lru_cache

from pydantic import Field, PostgresDsn
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: PostgresDsn
    redis_url: str = "redis://localhost:6379/0"
    public_url: str = Field("https://api.molecule.cloud", validation_alias="PLATFORM_PUBLIC_URL")
    tenant_domain: str = "tenants.molecule.cloud"
    aws_region: str = "us-east-1"
    tenant_ami_id: str = ""
    # Support's read replica of the workspace databases (see ops runbook 12).
    insights_dsn: str = Field("", validation_alias="TENANT_DATABASE_URL")  # expect: MOL102
    tenant_redis_url: str = ""  # expect: MOL102


@lru_cache
def get_settings() -> Settings:
    return Settings()
