"""Starlette app of the workspace server."""

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from kit.routes import Routes
from workspace.config import settings
from workspace.context import RequestContext, current_org, org_param
from workspace.db import engine_for, own_engine, redis_for
from workspace.store import NoteStore


class OrgMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        token = current_org.set(request.headers.get("x-molecule-org"))
        try:
            return await call_next(request)
        finally:
            current_org.reset(token)


def session_cache():
    return redis_for(current_org.get())  # expect: MOL302


async def list_notes(request: Request) -> JSONResponse:
    ctx = RequestContext.from_request(request)
    if ctx.org_id != settings.org_id:
        return JSONResponse({"error": "wrong org"}, status_code=403)
    with own_engine().connect() as conn:
        return JSONResponse([dict(row._mapping) for row in NoteStore(conn).list(settings.org_id)])


async def org_notes(request: Request) -> JSONResponse:
    ctx = RequestContext.from_request(request)
    with engine_for(ctx.org_id).connect() as conn:  # expect: MOL302
        return JSONResponse([dict(row._mapping) for row in NoteStore(conn).list(ctx.org_id)])


async def org_runs(request: Request) -> JSONResponse:
    org = org_param(request)
    with engine_for(org).connect() as conn:  # expect: MOL302
        rows = conn.exec_driver_sql("SELECT id, status FROM agent_runs ORDER BY started_at DESC LIMIT 50").all()
    return JSONResponse([dict(row._mapping) for row in rows])


async def sessions(request: Request) -> JSONResponse:
    return JSONResponse({"live": len(list(session_cache().scan_iter(match="ws:*:session:*")))})


async def health(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


app = Starlette(
    routes=[
        Route(Routes.HEALTH, health),
        Route(Routes.NOTES, list_notes),
        Route("/v1/orgs/{org}/notes", org_notes),
        Route("/v1/orgs/{org}/runs", org_runs),
        Route("/v1/sessions", sessions),
    ],
    middleware=[Middleware(OrgMiddleware)],
)
