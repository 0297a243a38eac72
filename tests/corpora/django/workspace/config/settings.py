"""Workspace server settings (python-decouple). One deployment serves exactly one org."""

import dj_database_url
from decouple import Csv, config

DEBUG = config("DEBUG", default=False, cast=bool)
SECRET_KEY = config("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = config("ALLOWED_HOSTS", default="localhost", cast=Csv())

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "rest_framework",
    "workspace.memories",
    "workspace.activity",
]
MIDDLEWARE = ["workspace.core.middleware.OrgContextMiddleware"]

DATABASES = {"default": dj_database_url.parse(config("TENANT_DATABASE_URL"), conn_max_age=60)}
DATABASE_ROUTERS = ["workspace.core.routers.OrgDatabaseRouter"]

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": config("TENANT_REDIS_URL", default="redis://redis:6379/0"),
    }
}

MOLECULE_ORG_ID = config("MOLECULE_ORG_ID")
MOLECULE_PLATFORM_URL = config("MOLECULE_PLATFORM_URL")
# Billing webhooks go straight to the control plane (kept from the shared-hosting days).
BILLING_WEBHOOK_URL = config("CONTROL_PLANE_URL", default="https://cp.orbit-cloud.io/hooks/billing")  # expect: MOL301
ORG_REDIS_URL_TEMPLATE = config("ORG_REDIS_URL_TEMPLATE", default="redis://redis-{org_id}:6379/0")
