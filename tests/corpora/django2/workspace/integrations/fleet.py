"""Heartbeat and usage reporting to the fleet (the platform)."""
import logging

import requests
from django.conf import settings

from libs.common.env import env_url

log = logging.getLogger(__name__)

DEFAULT_FLEET_URL = "https://api.fleet.internal"  # expect: MOL301


def fleet_base_url():
    return env_url("MOLECULE_PLATFORM_URL", DEFAULT_FLEET_URL)


def legacy_fleet_url():
    return env_url("FLEET_API_URL")  # expect: MOL301


def send_heartbeat(workspace_count):
    url = f"{fleet_base_url()}/api/orgs/{settings.ORG_ID}/heartbeat"
    response = requests.post(url, json={"workspaces": workspace_count}, timeout=5)
    if not response.ok:
        log.warning("fleet heartbeat failed: %s", response.status_code)


def report_usage(events):
    requests.post(settings.PLATFORM_URL + "/api/usage", json={"org": settings.ORG_ID, "events": events}, timeout=5)
