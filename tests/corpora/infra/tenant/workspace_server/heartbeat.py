"""Tells the platform this host is alive (the platform's /v1/hosts/heartbeat)."""

import os

import httpx

from tenant.workspace_server.constants import HEARTBEAT_PATH, PLATFORM_FALLBACK


def platform_base() -> str:
    return os.getenv("MOLECULE_PLATFORM_URL", PLATFORM_FALLBACK)


def send_heartbeat(agent_hours: int) -> None:
    org_id = os.environ["MOLECULE_ORG_ID"]
    httpx.post(platform_base() + HEARTBEAT_PATH, json={"org_id": org_id, "agent_hours": agent_hours}, timeout=5)
