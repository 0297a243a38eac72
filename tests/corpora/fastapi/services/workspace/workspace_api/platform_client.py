"""Reports usage to the control plane. Talks to MOLECULE_PLATFORM_URL, nothing else."""

import os

import httpx

from workspace_api.config import ControlPlaneSettings, get_settings


def usage_client() -> httpx.AsyncClient:
    settings = get_settings()
    return httpx.AsyncClient(base_url=settings.platform_url, headers={"X-Org-Id": settings.org_id})


def billing_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=get_settings().billing_url)


def legacy_usage_client() -> httpx.AsyncClient:
    base_url = os.getenv("CONTROL_PLANE_URL") or get_settings().platform_url  # expect: MOL301
    return httpx.AsyncClient(base_url=base_url)


def control_plane_client() -> httpx.AsyncClient:
    control = ControlPlaneSettings()
    return httpx.AsyncClient(base_url=control.url, timeout=control.timeout)
