"""Connections whose DSN is a Django setting read from env in a settings module."""

import psycopg
import redis
from django.conf import settings


def tenant_connection():
    return psycopg.connect(settings.TENANT_DSN)  # expect: MOL102


def platform_connection():
    return psycopg.connect(settings.PLATFORM_DSN)


def tenant_cache():
    return redis.from_url(settings.TENANT_CACHE_URL)  # expect: MOL102
