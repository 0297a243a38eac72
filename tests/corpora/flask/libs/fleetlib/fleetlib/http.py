"""A requests session bound to one service's base URL."""

from urllib.parse import urljoin

import requests


class BaseUrlSession(requests.Session):
    def __init__(self, base_url: str, timeout: float = 10.0):
        super().__init__()
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, urljoin(self.base_url, url.lstrip("/")), *args, **kwargs)
