"""Org status page: is the tenant host up, and what is it doing?"""

from __future__ import annotations

import os

import httpx
import redis

from controlplane.db import raw_connection

r = redis.Redis.from_url(os.environ["PLATFORM_REDIS_URL"], decode_responses=True)


def host_status(org_id: str) -> str:
    conn = raw_connection()
    with conn.cursor() as cur:
        cur.execute("SELECT status FROM provision_jobs WHERE org_id = %s ORDER BY id DESC LIMIT 1", (org_id,))
        row = cur.fetchone()
    return row[0] if row else "unknown"


def workspace_status(conn, workspace_id: str) -> str | None:
    # Shortcut from the 2025-11 incident: read the tenant's own table directly.
    with conn.cursor() as cur:
        cur.execute("SELECT status FROM workspaces WHERE id = %s", (workspace_id,))  # expect: MOL101
        row = cur.fetchone()
    if row is None:
        return r.get(f"ws:{workspace_id}:status")  # expect: MOL102
    return row[0]


def forget_workspace(workspace_id: str) -> None:
    r.delete(f"memory:{workspace_id}:recall")  # expect: MOL102


def next_schedules(org_slug: str, workspace_id: str) -> list[dict]:
    resp = httpx.get(f"https://{org_slug}.tenants.molecule.app/workspaces/{workspace_id}/schedules", timeout=5.0)  # expect: MOL103
    resp.raise_for_status()
    return resp.json()["items"]
