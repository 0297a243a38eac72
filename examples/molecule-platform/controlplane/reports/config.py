"""Settings for the reports worker."""

from __future__ import annotations

import os

from pydantic_settings import BaseSettings, SettingsConfigDict


class ReportSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    platform_database_url: str
    smtp_host: str = "smtp.postmarkapp.com"
    tenant_database_url: str | None = None  # expect: MOL102


def legacy_tenant_dsn() -> str:
    """Pre-RFC reports read the tenant database directly; kept for the migration window."""
    return os.environ["TENANT_DATABASE_URL"]  # expect: MOL102
