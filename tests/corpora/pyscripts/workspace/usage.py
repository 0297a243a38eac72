"""Push this org's usage to the platform (the platform never pulls it)."""

import requests

from workspace import config


def report(seats):
    url = config.PLATFORM_URL.rstrip("/") + "/v1/usage" if config.PLATFORM_URL else config.USAGE_FALLBACK
    requests.post(url, json={"org_id": config.ORG_ID, "seats": seats}, timeout=5)
