import requests
from django.conf import settings

ROUTES = {
    "memories": "/workspaces/{ws}/memories",
    "activity": "/workspaces/{ws}/activity",
    "status": "/workspaces/{ws}/status",
}


def url_for(name: str, **params: str) -> str:
    return settings.WORKSPACE_REST_URL + ROUTES[name].format(**params)


class WorkspaceREST:
    timeout = 5

    def memories(self, ws: str) -> list[dict]:
        return requests.get(url_for("memories", ws=ws), timeout=self.timeout).json()  # expect: MOL103

    def activity(self, ws: str) -> list[dict]:
        return requests.get(url_for("activity", ws=ws), timeout=self.timeout).json()  # expect: MOL103

    def status(self, ws: str) -> dict:
        return requests.get(url_for("status", ws=ws), timeout=self.timeout).json()
