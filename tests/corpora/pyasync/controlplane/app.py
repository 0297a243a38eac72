"""The control-plane API (Starlette)."""

from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from controlplane import db
from controlplane.models.billing import Org
from workspace.store.memories import MemoryRepository  # expect: MOL104


class OrgList(HTTPEndpoint):
    async def get(self, request: Request) -> JSONResponse:
        return JSONResponse(await Org.all().values("id", "name", "status"))


class OrgOffboard(HTTPEndpoint):
    async def post(self, request: Request) -> JSONResponse:
        org_id = request.path_params["org_id"]
        await Org.filter(id=org_id).update(status="offboarded")
        removed = await MemoryRepository(org_id).purge_all()  # expect: MOL101
        return JSONResponse({"removed": removed})


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


app = Starlette(
    routes=[
        Route("/orgs", OrgList),
        Route("/orgs/{org_id}/offboard", OrgOffboard),
        Route("/healthz", healthz),
    ],
    on_startup=[db.init],
)
