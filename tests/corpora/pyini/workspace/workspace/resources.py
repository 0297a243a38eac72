import json

import falcon

from workspace import cache, settings, tenancy
from workspace.models import Memory
from workspace.store import MemoryStore, activity_by_kind


class MemoriesResource:
    def on_get(self, req, resp, ws):
        rows = Memory.select().where((Memory.org_id == settings.ORG_ID) & (Memory.workspace_id == ws))
        resp.text = json.dumps([row.content for row in rows])

    def on_post(self, req, resp, ws):
        memory = Memory.create(org_id=settings.ORG_ID, workspace_id=ws, content=req.media["content"])
        cache.remember(ws, memory.id)
        resp.status = falcon.HTTP_201


class ActivityResource:
    def on_get(self, req, resp, ws):
        resp.media = dict(activity_by_kind(settings.ORG_ID).tuples())


class AdminResource:
    """Support endpoint: look at another org's workspace database."""

    def on_get(self, req, resp):
        org = req.get_header("X-Org-Id")
        tenancy.bind_for_org(org)  # expect: MOL302
        resp.media = {"memories": MemoryStore(org).count()}


class StatsResource:
    def on_get(self, req, resp):
        client = cache.shard_for(req.params["org"])  # expect: MOL302
        resp.media = {"keys": client.dbsize()}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}
