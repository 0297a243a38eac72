from django.conf import settings

from libs.common.http import ServiceClient


class ProvisionerClient(ServiceClient):
    def __init__(self):
        super().__init__(base_url=settings.PROVISIONER_URL)

    def create_host(self, org_slug, size):
        return self.post_json("/v1/hosts", {"org": org_slug, "size": size})

    def host_status(self, org_slug):
        return self.get_json(f"/v1/hosts/{org_slug}")
