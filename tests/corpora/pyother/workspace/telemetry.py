"""Usage push to the platform."""

import os

import httpx

from workspace.config import UsageSink, settings


def push_usage(payload: dict) -> None:
    base = os.environ["MOLECULE_PLATFORM_URL"]
    httpx.post(f"{base}/v1/usage", json=payload, timeout=5.0)


def push_usage_v2(payload: dict) -> None:
    httpx.post(f"{UsageSink().api_url}/v1/usage", json=payload, timeout=5.0)


def heartbeat() -> None:
    """Tell https://fleet.corp-cloud.io we are alive (the URL comes from settings)."""
    httpx.post(f"{settings.platform_url}/v1/heartbeat", json={"org": settings.org_id}, timeout=5.0)
