from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Database(BaseModel):
    url: str = "postgresql+psycopg://runtime:runtime@postgres:5432/runtime"


class PlatformLink(BaseModel):
    # Where usage is pushed.
    url: str = "https://api.fleetdeck.io/v1"  # expect: MOL301


class RuntimeSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RT_", env_nested_delimiter="__")

    org_id: str = Field(validation_alias="MOLECULE_ORG_ID")
    db: Database = Database()
    platform: PlatformLink = PlatformLink()
    redis_url: str = "redis://redis:6379/0"


settings = RuntimeSettings()
