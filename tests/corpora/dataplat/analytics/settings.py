"""Analytics settings, read once from the environment (environs)."""

from __future__ import annotations

from environs import Env

from libs.datalib import envnames

env = Env()
env.read_env()

WAREHOUSE_URL: str = env.str(envnames.WAREHOUSE)
MEMORY_PLUGIN_URL: str = env.str(envnames.MEMORY_PLUGIN)  # expect: MOL102
REPORT_BUCKET: str = env.str("REPORT_BUCKET", "s3://acme-fleet-reports")
MAX_WORKERS: int = env.int("ANALYTICS_MAX_WORKERS", 8)
