"""A requests.Session that resolves relative paths against the base URL it was built with."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import requests


class BaseUrlSession(requests.Session):
    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, urljoin(self.base_url, url.lstrip("/")), *args, **kwargs)
