"""URLs built by a client class, a route table, a URL builder; the health probe stays allowed."""

import httpx
import requests

from shared.clients import TENANT_API_URL, TenantApi

PLATFORM_API = "https://api.example.com"


def memories(ws):
    api = TenantApi()
    requests.get(api.health_url())
    return requests.get(api.memories_url(ws))  # expect: MOL103


def activity(ws):
    return requests.post(TenantApi(TENANT_API_URL).activity_url(ws))  # expect: MOL103


def through_a_client(ws):
    with httpx.Client(base_url=TENANT_API_URL) as client:
        client.get("/healthz")
        return client.get(f"/workspaces/{ws}/memories")  # expect: MOL103


def own_api(ws):
    with httpx.Client(base_url=PLATFORM_API) as client:
        return client.get(f"/workspaces/{ws}/billing")
