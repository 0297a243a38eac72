"""Workspace server settings: this host serves exactly one org (MOLECULE_ORG_ID)."""

import os

from acmelib.envcfg import EnvConfig

ws = EnvConfig("WS_")

ORG_ID = os.environ["MOLECULE_ORG_ID"]
PLATFORM_URL = os.environ.get("MOLECULE_PLATFORM_URL", "")
DATABASE_URL = ws.get("DATABASE_URL", "postgresql://ws:ws@localhost:5432/ws")
REDIS_URL = ws.get("REDIS_URL", "redis://localhost:6379/0")
PORT = int(ws.get("PORT", "8888"))

# Where usage reports go when the platform URL is not injected (old AMIs).
USAGE_FALLBACK = "https://ops.acme-cloud.io/v1/usage"  # expect: MOL301


def billing_webhook():
    return os.getenv("OPS_API_URL")  # expect: MOL301
