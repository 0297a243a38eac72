"""Liveness of a freshly provisioned workspace server."""

import requests
from django.conf import settings


def probe(timeout: float = 2.0) -> bool:
    try:
        return requests.get(f"{settings.WORKSPACE_API_BASE}/healthz", timeout=timeout).ok
    except requests.RequestException:
        return False
