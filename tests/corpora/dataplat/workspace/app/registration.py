"""Announces this workspace server to the control plane at start-up."""

from __future__ import annotations

import logging
import os

import httpx

from workspace.app.config import settings
from workspace.app.constants import REGISTRATION_ENV

log = logging.getLogger(__name__)


def _control_plane() -> str:
    return os.environ[REGISTRATION_ENV]  # expect: MOL301


def register(version: str) -> None:
    resp = httpx.post(f"{_control_plane()}/v1/hosts/register", json={"org_id": settings.org_id, "version": version})
    resp.raise_for_status()


def heartbeat() -> None:
    # The one sanctioned way: MOLECULE_PLATFORM_URL.
    base = os.environ["MOLECULE_PLATFORM_URL"]
    httpx.post(f"{base}/v1/hosts/heartbeat", json={"org_id": settings.org_id}, timeout=5)
    log.debug("heartbeat sent to %s", base)
