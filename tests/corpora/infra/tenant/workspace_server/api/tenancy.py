"""Picks the org of a request from its subdomain (acme.tenants.molecule.cloud)."""

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

from tenant.workspace_server.db import schema_connection


class SubdomainOrgMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        org_slug = request.url.hostname.split(".", 1)[0]
        request.state.db = schema_connection(f"org_{org_slug}")  # expect: MOL302
        try:
            return await call_next(request)
        finally:
            request.state.db.close()
