"""Export every org's agent memories for the evaluation team (runs on demand from the ops console)."""

from concurrent.futures import ThreadPoolExecutor

import requests

from controlplane.fleet import routes
from controlplane.provisioner.hosts import OrgHost
from fleetlib.envtools import env_int

MEMORY_AGENT_PORT = env_int("MEMORY_AGENT_PORT", 7070)


class MemoryAgentClient:
    def __init__(self, host: OrgHost) -> None:
        self.base_url = f"http://{host.private_ip}:{MEMORY_AGENT_PORT}"
        self.session = requests.Session()

    def memories(self, workspace_id: str) -> list[dict]:
        url = self.base_url + routes.WORKSPACE_MEMORIES.format(workspace_id=workspace_id)
        return self.session.get(url, timeout=30).json()  # expect: MOL103


def _export_one(host: OrgHost) -> list[dict]:
    return MemoryAgentClient(host).memories("default")


def export_all(hosts: list[OrgHost]) -> list[dict]:
    with ThreadPoolExecutor(max_workers=8) as pool:
        batches = list(pool.map(_export_one, hosts))  # expect: MOL202
    return [memory for batch in batches for memory in batch]
