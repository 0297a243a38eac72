import os

import requests

from workspace.constants import HUB_ENV


class HubClient:
    """Reports heartbeats and usage to the control hub."""

    def __init__(self):
        self.base_url = os.getenv(HUB_ENV, "")  # expect: MOL301
        self.session = requests.Session()

    def heartbeat(self, org_id: str) -> None:
        self.session.post(f"{self.base_url}/api/orgs/{org_id}/heartbeat", timeout=5)


def report_usage(payload: dict) -> None:
    requests.post(f"{os.environ['MOLECULE_PLATFORM_URL']}/api/usage", json=payload, timeout=5)
