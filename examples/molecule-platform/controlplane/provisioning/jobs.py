"""Provisioning jobs: one EC2 host per org (org-per-EC2, RFC #1793)."""

from __future__ import annotations

import logging
import os

import redis

from controlplane.db import raw_connection
from runtime.identity import ORG_ID_ENV  # expect: MOL104

logger = logging.getLogger(__name__)
_redis = redis.Redis.from_url(os.environ["PLATFORM_REDIS_URL"])


def user_data(org_id: str) -> str:
    """cloud-init environment for a tenant host; the runtime learns its identity from it."""
    platform_url = os.environ.get("PUBLIC_API_URL", "https://api.molecule.app")
    return f"{ORG_ID_ENV}={org_id}\nMOLECULE_PLATFORM_URL={platform_url}\n"


def enqueue(org_id: str, kind: str = "provision") -> int:
    _redis.incr(f"provision:{org_id}:attempts")
    conn = raw_connection()
    with conn.cursor() as cur:
        cur.execute("SELECT slug, max_workspaces FROM orgs WHERE id = %s", (org_id,))
        slug, max_workspaces = cur.fetchone()
        cur.execute(
            "INSERT INTO provision_jobs (org_id, kind, status) VALUES (%s, %s, 'pending') RETURNING id",
            (org_id, kind),
        )
        job_id = cur.fetchone()[0]
    conn.commit()
    logger.info("queued %s job %s for %s (max %d workspaces)", kind, job_id, slug, max_workspaces)
    return job_id


def deprovision_done(org_id: str) -> None:
    conn = raw_connection()
    with conn.cursor() as cur:
        cur.execute("UPDATE provision_jobs SET status = 'done' WHERE org_id = %s AND kind = 'deprovision'", (org_id,))
    conn.commit()
    # Tenant data goes away with the host's EBS volume; nothing to delete here.
    logger.info("purged agent_memories and activity_logs with the EBS volume of org %s", org_id)
