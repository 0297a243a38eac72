import os
from urllib.parse import urljoin

import requests
from requests_toolbelt.sessions import BaseUrlSession


class WorkspaceSession(BaseUrlSession):
    """A session bound to the workspace server of this host."""

    def __init__(self, base_url=None):
        super().__init__(base_url=base_url or os.environ.get("WORKSPACE_URL", "http://workspace:8000"))
        self.headers["User-Agent"] = "molecule/1.0"


class JoiningClient:
    """requests.Session with a base: subclasses call self.url(path)."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def url(self, path):
        return urljoin(self.base, path)
