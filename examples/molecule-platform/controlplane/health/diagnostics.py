"""/internal/diagnostics: which integrations are configured (values are never echoed)."""

from __future__ import annotations

import os

from fastapi import APIRouter

from common.settings import log_level

router = APIRouter()


@router.get("/internal/diagnostics")
def diagnostics() -> dict[str, object]:
    return {
        "log_level": log_level(),
        "platform_db": "PLATFORM_DATABASE_URL" in os.environ,
        "stripe": bool(os.getenv("STRIPE_API_KEY")),
        "tenant_redis": os.getenv("TENANT_REDIS_URL") is not None,  # expect: MOL102
        "memory_plugin": bool(os.environ.get("MEMORY_PLUGIN_URL")),  # expect: MOL102
    }
