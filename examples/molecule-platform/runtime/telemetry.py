"""Token usage, reported by the agent runtime to the platform's usage API."""

from __future__ import annotations

import logging
import os

import httpx

from runtime.identity import org_id

log = logging.getLogger(__name__)

# Hosted default (https://api.molecule.app), so that a runtime started by hand still reports somewhere.
FALLBACK_PLATFORM_URL = "https://api.molecule.app"  # expect: MOL301
DOCS_URL = "https://docs.molecule.app/runtime/telemetry"


def push_tokens(tokens: int) -> None:
    """Report tokens to https://api.molecule.app/v1/orgs/<org>/tokens (or a self-hosted platform)."""
    base = os.getenv("MOLECULE_PLATFORM_URL", FALLBACK_PLATFORM_URL)
    log.info("reporting %d tokens to https://api.molecule.app-compatible platform %s", tokens, base)
    resp = httpx.post(f"{base}/v1/orgs/{org_id()}/tokens", json={"tokens": tokens}, timeout=5.0)
    if resp.status_code >= 500:
        raise RuntimeError(f"platform at https://api.molecule.app failed: {resp.status_code}; see {DOCS_URL}")
