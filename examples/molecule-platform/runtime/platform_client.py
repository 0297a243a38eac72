"""Outbound calls from the tenant to the platform: heartbeat and usage push."""

from __future__ import annotations

import os

import httpx

from runtime.identity import org_id, platform_url


def heartbeat(status: str) -> None:
    resp = httpx.post(f"{platform_url()}/v1/orgs/{org_id()}/heartbeat", json={"status": status}, timeout=5.0)
    resp.raise_for_status()


def push_usage(period: str, tokens: int) -> None:
    payload = {"period": period, "tokens": tokens}
    resp = httpx.post(f"{platform_url()}/v1/orgs/{org_id()}/usage", json=payload, timeout=10.0)
    resp.raise_for_status()


def recall(workspace_id: str, query: str) -> list[dict]:
    """Ask the co-located memory plugin (same host, same org)."""
    base = os.environ.get("MEMORY_PLUGIN_URL", "http://memory-plugin:7070")
    resp = httpx.post(f"{base}/v1/search", json={"workspace_id": workspace_id, "q": query}, timeout=5.0)
    return resp.json()["hits"]
