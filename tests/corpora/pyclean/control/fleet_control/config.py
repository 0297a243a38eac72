"""Settings, built once from the environment at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass

from environs import Env

from fleet_control.constants import CONTROL_DB_VAR, SUPPORT_DSN_VAR, TENANT_VAR_SUFFIX

env = Env()
env.read_env()


def _service_var(service: str) -> str:
    return service.upper() + TENANT_VAR_SUFFIX


@dataclass(frozen=True, slots=True)
class DatabaseConfig:
    url: str
    pool_size: int = 5


@dataclass(frozen=True, slots=True)
class Settings:
    database: DatabaseConfig
    redis_url: str
    workspace_api_url: str
    api_token: str
    support_dsn: str | None = None
    memory_engine_url: str | None = None

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database=DatabaseConfig(url=os.environ[CONTROL_DB_VAR], pool_size=env.int("CONTROL_DB_POOL", 5)),
            redis_url=env.str("CONTROL_REDIS_URL", "redis://localhost:6379/0"),
            workspace_api_url=env.str("WORKSPACE_API_URL"),
            api_token=env.str("FLEET_API_TOKEN"),
            support_dsn=os.environ.get(SUPPORT_DSN_VAR),  # expect: MOL102
            memory_engine_url=env.str(_service_var("memory_engine"), None),  # expect: MOL102
        )
