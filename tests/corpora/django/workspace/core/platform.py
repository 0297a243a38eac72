"""Talks to the control plane: usage reports and billing webhooks."""

from __future__ import annotations

import os

import requests
from django.conf import settings

from common.http import BaseUrlSession
from workspace.core.constants import FALLBACK_PLATFORM_URL


class PlatformClient(BaseUrlSession):
    def __init__(self) -> None:
        super().__init__(os.environ.get("MOLECULE_PLATFORM_URL", FALLBACK_PLATFORM_URL))

    def report_usage(self, memories: int) -> None:
        self.post("api/v1/usage", json={"org_id": settings.MOLECULE_ORG_ID, "memories": memories})


class ConfiguredPlatformClient(BaseUrlSession):
    def __init__(self) -> None:
        super().__init__(settings.MOLECULE_PLATFORM_URL)


def send_billing_event(event: dict[str, object]) -> None:
    requests.post(settings.BILLING_WEBHOOK_URL, json=event, timeout=5)
