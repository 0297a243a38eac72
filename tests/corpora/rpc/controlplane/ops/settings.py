"""Ops jobs settings, from the environment (pydantic-settings style, kept dependency-free)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: os.environ["CONTROLPLANE_DATABASE_URL"])
    workspace_url: str = field(default_factory=lambda: os.environ.get("WORKSPACE_URL", "http://workspace:8080"))
    quota_target: str = field(default_factory=lambda: os.environ.get("MEMORY_QUOTA_GRPC_ADDR", "localhost:9443"))


settings = Settings()
