"""A client package for the tenant API: it builds URLs, the caller sends them."""

from urllib.parse import urljoin

TENANT_API_URL = "http://tenant-api:8080/"
ROUTES = {"memories": "/workspaces/{ws}/memories", "health": "/healthz"}


class TenantApi:
    def __init__(self, base_url=TENANT_API_URL):
        self.base_url = base_url.rstrip("/")

    def memories_url(self, ws):
        return self.base_url + ROUTES["memories"].format(ws=ws)

    def health_url(self):
        return urljoin(self.base_url, ROUTES["health"])

    def activity_url(self, ws):
        return "/".join([self.base_url, "workspaces", ws, "activity"])
