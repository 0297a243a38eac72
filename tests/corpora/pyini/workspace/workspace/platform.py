"""Reports this host's usage to the control plane."""

import os

import requests

from workspace import settings


def platform_base():
    return os.environ.get("MOLECULE_PLATFORM_URL", settings.FALLBACK_PLATFORM)


def legacy_platform_base(conf):
    return os.environ.get(conf.platform_url_env)


def report_usage(count):
    requests.post(settings.PLATFORM_URL + "/api/usage", json={"org": settings.ORG_ID, "memories": count}, timeout=5)
