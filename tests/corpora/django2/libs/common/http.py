"""Base class for the internal service clients (requests + retries)."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


class ServiceClient:
    base_url = ""
    timeout = 10

    def __init__(self, base_url=None, token=None):
        self.base_url = (base_url or self.base_url).rstrip("/")
        self.session = requests.Session()
        self.session.mount("http", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5)))
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def url(self, path):
        return self.base_url + path

    def get_json(self, path, **params):
        response = self.session.get(self.url(path), params=params, timeout=self.timeout)
        response.raise_for_status()
        return response.json()

    def post_json(self, path, payload):
        response = self.session.post(self.url(path), json=payload, timeout=self.timeout)
        response.raise_for_status()
        return response.json()
