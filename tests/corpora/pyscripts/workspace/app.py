"""Tornado application for one org's workspace server."""

import tornado.ioloop
import tornado.web

from workspace import config
from workspace.handlers.health import HealthHandler
from workspace.handlers.notes import LegacyNotesHandler, NotesHandler, StatsHandler


def make_app():
    return tornado.web.Application(
        [
            (r"/healthz", HealthHandler),
            (r"/api/v1/workspaces/([^/]+)/notes", NotesHandler),
            (r"/api/v1/legacy/workspaces/([^/]+)/notes", LegacyNotesHandler),
            (r"/api/v1/stats", StatsHandler),
        ]
    )


if __name__ == "__main__":
    make_app().listen(config.PORT)
    tornado.ioloop.IOLoop.current().start()
