import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env(DEBUG=(bool, False))
environ.Env.read_env(os.path.join(BASE_DIR, ".env"))

DEBUG = env("DEBUG")
SECRET_KEY = env("DJANGO_SECRET_KEY")
ORG_ID = env("MOLECULE_ORG_ID")
PLATFORM_URL = env("MOLECULE_PLATFORM_URL")
# Older deployments still export FLEET_API_URL; keep reading it for the billing heartbeat.
BILLING_URL = env.str("FLEET_API_URL", default=PLATFORM_URL)  # expect: MOL301

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "rest_framework",
    "workspace.apps.WorkspaceConfig",
]

DATABASES = {"default": env.db("DATABASE_URL", default="postgres://workspace:workspace@localhost:5432/workspace")}
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env("REDIS_URL", default="redis://localhost:6379/0"),
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
}
CELERY_BROKER_URL = env("REDIS_URL", default="redis://localhost:6379/1")
