from django.conf import settings

from libs.common.http import ServiceClient


class DnsClient(ServiceClient):
    base_url = settings.DNS_API_URL

    def upsert_record(self, zone, name, target):
        return self.post_json(f"/zones/{zone}/records", {"name": name, "type": "CNAME", "content": target})
