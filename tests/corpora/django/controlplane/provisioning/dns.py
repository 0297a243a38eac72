from django.conf import settings

from common.http import BaseUrlSession


class DnsClient(BaseUrlSession):
    def __init__(self) -> None:
        super().__init__(settings.DNS_API_URL)

    def upsert(self, zone: str, name: str, target: str) -> None:
        self.post(f"zones/{zone}/dns_records", json={"type": "CNAME", "name": name, "content": target})
