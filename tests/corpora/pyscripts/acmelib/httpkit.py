"""A requests session that remembers the service it talks to."""

from urllib.parse import urljoin

import requests


class ServiceSession(requests.Session):
    def __init__(self, base_url, timeout=10):
        super().__init__()
        self.base_url = base_url
        self.timeout = timeout

    def url(self, path):
        return urljoin(self.base_url, path)
