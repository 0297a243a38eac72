"""Readiness checks run after a tenant host boots."""

from __future__ import annotations

import httpx

# Which tenant service answers which public route (rendered on the status page).
ROUTE_OWNERS: dict[str, str] = {
    "/workspaces/{workspace_id}/memories": "memory-plugin",
    "/workspaces/{workspace_id}/activity": "workspace-server",
    "/healthz": "workspace-server",
}


def tenant_ready(org_slug: str) -> bool:
    base = f"https://{org_slug}.tenants.molecule.app"
    if httpx.get(f"{base}/healthz", timeout=3.0).status_code != 200:
        return False
    return httpx.get(f"{base}/readyz", timeout=3.0).status_code == 200


def sidecar_ready() -> bool:
    """Smoke test run by the self-hosted installer on the tenant network."""
    resp = httpx.get("http://workspace-server:8080/healthz", timeout=2.0)
    return resp.status_code == 200


def owner_of_memories_route() -> str:
    return ROUTE_OWNERS.get("/workspaces/x/memories", "unknown")
