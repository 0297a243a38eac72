"""Control-plane settings (django-environ)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(DEBUG=(bool, False))
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env("DEBUG")
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["cp.orbit-cloud.io"])

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "rest_framework",
    "controlplane.billing",
    "controlplane.fleet",
    "controlplane.provisioning",
]

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://cp:cp@localhost:5432/controlplane"),
    # Read-only view of the org databases for the fleet dashboard (pre-RFC design).
    "fleet": env.db_url("TENANT_DATABASE_URL"),  # expect: MOL102
}
DATABASE_ROUTERS = ["controlplane.core.routers.PrimaryReplicaRouter"]

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env("REDIS_URL", default="redis://localhost:6379/1"),
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    },
    "workspaces": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env.str("TENANT_REDIS_URL"),  # expect: MOL102
    },
}

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://localhost:6379/2")
CELERY_TIMEZONE = "UTC"

# Where the workspace servers answer; used for health probes and (pre-RFC) the memory sync.
WORKSPACE_API_BASE = env("WORKSPACE_API_URL", default="http://workspace:8000")
DNS_API_URL = env("DNS_API_URL", default="https://api.cloudflare.com/client/v4")
STRIPE_API_KEY = env("STRIPE_API_KEY", default="")

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAdminUser"],
}
