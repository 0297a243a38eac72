"""Recall counts, pushed by the memory plugin to the platform for billing."""

from __future__ import annotations

import os

import httpx


def report_recalls(org: str, count: int) -> None:
    base = os.environ.get("PLATFORM_URL", "")  # expect: MOL301
    if base:
        httpx.post(f"{base}/v1/orgs/{org}/recalls", json={"count": count}, timeout=5.0)
