from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class PlatformDb(BaseModel):
    url: str = "postgresql+psycopg://cp:cp@cp-db:5432/controlplane"


class TenantDb(BaseModel):
    # Used by the fleet-wide usage report; set per deployment.
    url: str = ""


class DbSettings(BaseModel):
    platform: PlatformDb = PlatformDb()
    tenant: TenantDb = TenantDb()


class RuntimeApi(BaseModel):
    base_url: str = "http://runtime:8000"
    timeout: float = 5.0


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CP_", env_nested_delimiter="__")

    db: DbSettings = DbSettings()  # expect: MOL102
    runtime: RuntimeApi = RuntimeApi()
    tenant_redis_url: str = Field(default="redis://localhost:6379/0", validation_alias="TENANT_REDIS_URL")  # expect: MOL102
    stripe_key: str = ""


settings = Settings()
