"""Hourly usage counters for billing."""

import httpx

from tenant.workspace_server.constants import CONTROL_PLANE_HOST


def push_usage(org_id: str, agent_hours: int) -> None:
    url = f"https://{CONTROL_PLANE_HOST}/v1/usage"  # expect: MOL301
    httpx.post(url, json={"org_id": org_id, "agent_hours": agent_hours}, timeout=5)
