"""Control-plane settings: a local .env for development, SSM in production."""
from dotenv import dotenv_values

from dataplat.ssm import parameter

_local = dotenv_values(".env")

CONTROL_DSN = _local.get("CONTROL_DATABASE_URL") or parameter("CONTROL_DATABASE_URL")


def tenant_reader_dsn() -> str:
    # read replica of the org databases, used by the usage backfill
    return _local["TENANT_DATABASE_URL"]  # expect: MOL102


def analytics_dsn() -> str:
    return parameter("TENANT_DATABASE_URL")
