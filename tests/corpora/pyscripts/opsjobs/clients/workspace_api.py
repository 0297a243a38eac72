"""Client for a workspace server's API (provisioning checks and support tooling)."""

import http.client
import json
import urllib.request
from urllib.parse import urljoin

import aiohttp

from acmelib.httpkit import ServiceSession
from acmelib.routes import PATHS, WsRoute
from opsjobs import settings


class WorkspaceAPI:
    def __init__(self, base_url=settings.WORKSPACE_BASE_URL):
        self.session = ServiceSession(base_url)

    def healthy(self):
        return self.session.get(self.session.url(WsRoute.HEALTH), timeout=3).ok

    def version(self):
        return self.session.get(self.session.url(PATHS["version"])).json()

    def notes(self, ws):
        return self.session.get(self.session.url(WsRoute.NOTES.format(ws=ws))).json()  # expect: MOL103


def secrets_inventory(base_url, ws):
    req = urllib.request.Request(urljoin(base_url, PATHS["secrets"] % ws), headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:  # expect: MOL103
        return json.load(resp)


async def recent_runs(base_url, workspaces):
    async with aiohttp.ClientSession(base_url=base_url) as http:
        out = {}
        for ws in workspaces:  # expect: MOL202
            async with http.get(WsRoute.RUNS.value.format(ws=ws)) as resp:  # expect: MOL103
                out[ws] = await resp.json()
        return out


async def ping_all(base_url, workspaces):
    async with aiohttp.ClientSession() as http:
        for _ws in workspaces:
            async with http.get(urljoin(base_url, WsRoute.HEALTH)) as resp:
                resp.raise_for_status()


def offboard(host, workspaces):
    """Offboarding: wait for the host to answer, then drop each workspace's notes before the disk is wiped."""
    conn = http.client.HTTPConnection(host, 8888, timeout=10)
    conn.request("GET", WsRoute.HEALTH)
    conn.getresponse().read()
    for ws in workspaces:
        conn.request("DELETE", WsRoute.NOTES.format(ws=ws))  # expect: MOL103
        conn.getresponse().read()
