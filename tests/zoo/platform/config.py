"""Env names from a prefix, a settings class, a wrapper; Redis keys from a prefix."""

import importlib
import os

import redis

from shared import settings
from shared.settings import BILLING_KEY_PREFIX, ENV_PREFIX, REDIS_KEY_PREFIX, Keys, env
from shared.vault import secret


def database_urls():
    tenant = os.environ.get(ENV_PREFIX + "DATABASE_URL")  # expect: MOL102
    platform = os.environ[Keys.PLATFORM_DATABASE]
    print(settings.TENANT_DATABASE_URL_HELP)
    return tenant, platform, os.getenv(getattr(Keys, "DATABASE"))  # expect: MOL102


def through_helpers():
    env(Keys.PLATFORM_DATABASE)
    return env(Keys.DATABASE)  # expect: MOL102


def through_a_model():
    secret(name="PLATFORM_DATABASE_URL")
    return secret(name=Keys.DATABASE)  # expect: MOL102


def dynamic():
    names = importlib.import_module("shared.settings")
    return os.getenv(names.Keys.DATABASE)  # expect: MOL102


def cache(org_id):
    client = redis.from_url(os.environ["PLATFORM_REDIS_URL"])
    client.get(BILLING_KEY_PREFIX + org_id)
    return client.get(REDIS_KEY_PREFIX + org_id)  # expect: MOL102
