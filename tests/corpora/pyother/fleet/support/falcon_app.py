"""Internal support API (Falcon) behind the VPN."""

import falcon

from fleet.settings import get_settings
from workspace.store.memories import MemoryDAO  # expect: MOL104


class MemoryResource:
    def __init__(self, dao_factory) -> None:
        self.dao_factory = dao_factory

    def on_get(self, req: falcon.Request, resp: falcon.Response, org_id: str) -> None:
        resp.media = self.dao_factory().for_org(org_id)


def create_api() -> falcon.App:
    api = falcon.App()
    api.add_route("/orgs/{org_id}/memories", MemoryResource(lambda: MemoryDAO(get_settings().restore_dsn)))
    return api
