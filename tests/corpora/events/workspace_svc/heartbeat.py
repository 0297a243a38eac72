from __future__ import annotations

import os

import httpx

from workspace_svc.envnames import CONTROL_ENV
from workspace_svc.settings import settings


def control_url() -> str:
    return os.environ[CONTROL_ENV]  # expect: MOL301


def send_heartbeat() -> None:
    httpx.post(f"{control_url()}/v1/orgs/{settings.molecule_org_id}/heartbeat", json={"ok": True}, timeout=5)


def report_usage(meter: str, quantity: int) -> None:
    # the right way: the platform location comes from MOLECULE_PLATFORM_URL only
    httpx.post(f"{settings.molecule_platform_url}v1/usage", json={"org_id": settings.molecule_org_id, "meter": meter, "quantity": quantity})
