"""Notes API (Tornado)."""

import json

import tornado.web

from workspace import db
from workspace.store import NoteStore


class NotesHandler(tornado.web.RequestHandler):
    def get(self, workspace_id):
        self.write(json.dumps(NoteStore(db.conn()).for_workspace(workspace_id)))


class LegacyNotesHandler(tornado.web.RequestHandler):
    def get(self, workspace_id):
        org = self.request.headers.get("X-Acme-Org")
        self.write(json.dumps(NoteStore(db.legacy_conn(org)).for_workspace(workspace_id)))  # expect: MOL302


class StatsHandler(tornado.web.RequestHandler):
    def get(self):
        self.write(NoteStore(db.conn()).status_counts(db_org()))


def db_org():
    from workspace.config import ORG_ID

    return ORG_ID
