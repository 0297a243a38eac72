"""Memory and message endpoints (Sanic blueprint)."""

from sanic import Blueprint, Request, json
from sanic.response import HTTPResponse
from sanic.views import HTTPMethodView

from libs import reporting
from workspace import constants, identity
from workspace.db import connection_for
from workspace.store.memories import MemoryRepository

bp = Blueprint("memories", url_prefix="/api/workspaces")


class MemoryView(HTTPMethodView):
    async def get(self, request: Request, ws_id: str) -> HTTPResponse:
        rows = await MemoryRepository(identity.ORG_ID).recent(ws_id)
        return json([{"id": str(m.id), "content": m.content} for m in rows])


bp.add_route(MemoryView.as_view(), "/<ws_id>/memories")


@bp.get("/<ws_id>/messages/export")
async def export_messages(request: Request, ws_id: str) -> HTTPResponse:
    conn = connection_for(request.headers[constants.ORG_ID_HEADER])  # expect: MOL302
    _, rows = await conn.execute_query("SELECT role, content FROM messages WHERE workspace_id = $1", [ws_id])
    return json(rows)


@bp.get("/stats")
async def stats(request: Request) -> HTTPResponse:
    conn = connection_for(identity.ORG_ID)
    return json({"memories": await reporting.count_rows(conn, "memories")})
