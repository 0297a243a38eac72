"""Deep liveness probe for tenant hosts, run by the platform's uptime worker."""

from __future__ import annotations

import httpx


def probe(org_slug: str, canary_workspace_id: str) -> bool:
    client = httpx.Client(base_url=f"https://{org_slug}.tenants.molecule.app", timeout=3.0)
    # Reviewed exception (see `allow` in molecule-lint.yaml): a wedged scheduler still
    # answers /healthz, so the probe reads the newest activity row of a canary workspace.
    resp = client.get(f"/workspaces/{canary_workspace_id}/activity", params={"limit": 1})  # expect-suppressed: MOL103
    return resp.status_code == 200 and bool(resp.json().get("items"))
