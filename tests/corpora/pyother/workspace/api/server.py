"""aiohttp web application of the workspace server."""

import psycopg
import redis.asyncio as redis
from aiohttp import web

from kit.keys import memory_key
from workspace.config import settings
from workspace.store import orgdb

routes = web.RouteTableDef()
cache = redis.from_url(settings.redis_url)


@routes.get("/api/workspaces/{ws}/memories")
async def memories(request: web.Request) -> web.Response:
    cached = await cache.get(memory_key(settings.org_id, request.match_info["ws"]))
    return web.json_response({"cached": cached is not None})


@routes.get("/orgs/{org_id}/export")
async def export(request: web.Request) -> web.Response:
    conn = await orgdb.open_org(request.match_info["org_id"])  # expect: MOL302
    rows = await conn.fetch("SELECT * FROM agent_memories")
    return web.json_response([dict(r) for r in rows])


@routes.post("/admin/schema")
async def switch_schema(request: web.Request) -> web.Response:
    body = await request.json()
    with psycopg.connect(settings.database_url) as conn:
        orgdb.use_schema(conn, body["org"])  # expect: MOL302
    return web.json_response({"ok": True})


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def create_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app
