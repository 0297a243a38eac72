"""Talking to workspace servers: liveness only, except where noted."""

import os

import requests

from kit.defaults import CONTROL_API
from kit.http import ServiceClient
from kit.routes import Routes

WORKSPACE_URL_DEFAULT = "http://workspace:8000"


def workspace_base(override: str | None = None) -> str:
    return override or os.environ.get("WORKSPACE_URL") or WORKSPACE_URL_DEFAULT


def probe(host: str) -> dict:
    return ServiceClient.for_workspace(host).get_json(Routes.HEALTH)


def recent_runs(host: str, ws: str) -> list[dict]:
    return ServiceClient.for_workspace(host).get_json(Routes.RUNS.format(ws=ws), limit=20)  # expect: MOL103


def run_events(run_id: str, base: str | None = None) -> list[dict]:
    url = f"{workspace_base(base)}{Routes.EVENTS.format(run_id=run_id)}"
    return requests.get(url, timeout=5).json()  # expect: MOL103


def is_up(base: str | None = None) -> bool:
    return requests.get(workspace_base(base) + Routes.HEALTH, timeout=2).ok


def note_digest(ws: str) -> list[dict]:
    client = ServiceClient.from_env("WORKSPACE_URL")
    return client.get_json(f"/v1/workspaces/{ws}/notes", limit=50)  # expect: MOL103


def own_invoices(org: str) -> list[dict]:
    return ServiceClient(CONTROL_API).get_json(Routes.INVOICES.format(org=org))


FETCHERS = {
    "events": lambda host, run_id: ServiceClient.for_workspace(host).get_json(Routes.EVENTS.format(run_id=run_id)),  # expect: MOL103
    "health": lambda host, _: ServiceClient.for_workspace(host).get_json(Routes.HEALTH),
}
