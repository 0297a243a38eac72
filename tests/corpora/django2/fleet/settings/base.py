from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY")
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "rest_framework",
    "fleet.core",
    "fleet.billing",
    "fleet.reports",
    "fleet.dns",
]

DATABASES = {"default": env.db("DATABASE_URL")}
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env.str("REDIS_URL", default="redis://localhost:6379/0"),
    }
}
CELERY_BROKER_URL = env.str("REDIS_URL", default="redis://localhost:6379/1")
DNS_API_URL = env.str("DNS_API_URL", default="https://dns.fleet.internal")
PROVISIONER_URL = env.str("PROVISIONER_URL", default="http://provisioner:9000")
