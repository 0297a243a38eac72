"""The workspace server's HTTP routes, for clients on both sides."""

from enum import Enum


class WsRoute(str, Enum):
    NOTES = "/api/v1/workspaces/{ws}/notes"
    RUNS = "/api/v1/workspaces/{ws}/runs"
    HEALTH = "/healthz"


PATHS = {
    "secrets": "/api/v1/workspaces/%s/secrets",
    "health": "/healthz",
    "version": "/version",
}
