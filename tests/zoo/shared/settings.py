import os

ENV_PREFIX = "TENANT_"
REDIS_KEY_PREFIX = "memory:"
BILLING_KEY_PREFIX = "billing:"
TENANT_DATABASE_URL_HELP = "set TENANT_DATABASE_URL on the tenant host"  # named like the env var, never read


class Keys:
    DATABASE = ENV_PREFIX + "DATABASE_URL"
    PLATFORM_DATABASE = "PLATFORM_DATABASE_URL"


def env(name, default=None):
    return os.environ.get(name, default)
