"""HTTP clients of the control plane."""

from common import routes
from common.http import JoiningClient, WorkspaceSession


class WorkspaceClient(JoiningClient):
    """Talks to one org's workspace server."""

    def memories(self, ws):
        return self.session.get(self.url(routes.MEMORIES_PATH.format(ws=ws)), timeout=10)  # expect: MOL103

    def activity(self, ws):
        return self.session.get(self.url(routes.ACTIVITY_PATH.format(ws=ws)), timeout=10)  # expect: MOL103

    def healthy(self):
        return self.session.get(self.url(routes.HEALTH_PATH), timeout=2).ok


def workspace_client(org):
    return WorkspaceClient("http://%s:8000" % org["host"])


def probe(host):
    with WorkspaceSession("http://%s:8000" % host) as session:
        return session.get("/healthz").status_code == 200


def export_memories(ws):
    with WorkspaceSession() as session:
        return session.get("/v1/workspaces/%s/memories" % ws).json()  # expect: MOL103
