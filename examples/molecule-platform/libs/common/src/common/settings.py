"""Environment-driven settings shared by services."""

from __future__ import annotations

import os


def log_level() -> str:
    return os.getenv("LOG_LEVEL", "info").upper()


def sentry_dsn() -> str | None:
    return os.getenv("SENTRY_DSN")


def tenant_dsn() -> str:
    """DSN of the org's own Postgres (tenant hosts only)."""
    return os.environ["TENANT_DATABASE_URL"]
