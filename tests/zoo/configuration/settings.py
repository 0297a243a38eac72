"""Django settings: platform code reads them as `django.conf.settings.X`, importing no module of ours."""

import os

import environ

env = environ.Env()

TENANT_DSN = os.environ["TENANT_DATABASE_URL"]
PLATFORM_DSN = os.environ.get("PLATFORM_DATABASE_URL", "postgres://platform-db/platform")
TENANT_CACHE_URL = env("TENANT_REDIS_URL")
