"""Litestar app of the control plane."""

from __future__ import annotations

from typing import Any

from dependency_injector.wiring import Provide, inject
from litestar import Controller, Litestar, get
from sqlalchemy import Connection, text

from fleet_control.container import Container, build_container
from fleet_control.entrypoints import queries
from fleet_control.services.billing import BillingService
from fleet_control.services.support import SupportService


class OrgController(Controller):
    path = "/orgs"

    @get("/{slug:str}")
    async def by_slug(self, db_connection: Connection, slug: str) -> dict[str, Any]:
        row = db_connection.execute(text(queries.ORG_BY_SLUG), {"slug": slug}).one()
        return dict(row._mapping)

    @get("/{org_id:str}/revenue")
    @inject
    async def revenue(self, org_id: str, billing: BillingService = Provide[Container.billing]) -> list[Any]:
        return list(billing.invoices_for(org_id))


class SupportController(Controller):
    path = "/support"

    @get("/orgs/{org_id:str}/workspaces/{workspace_id:str}/notes")
    async def notes(self, support_connection: Connection, org_id: str, workspace_id: str) -> list[dict[str, Any]]:
        params = {"org_id": org_id, "workspace_id": workspace_id}
        rows = support_connection.execute(text(queries.NOTES_FOR_TICKET), params)  # expect: MOL101
        return [dict(r._mapping) for r in rows]

    @get("/orgs/{org_id:str}/threads/{thread_id:str}")
    async def thread(self, db_connection: Connection, org_id: str, thread_id: str) -> list[dict[str, Any]]:
        rows = db_connection.execute(text(queries.MIRRORED_THREAD), {"org_id": org_id, "thread_id": thread_id})
        return [dict(r._mapping) for r in rows]

    @get("/memories/{memory_id:int}")
    @inject
    async def memory(self, memory_id: int, support: SupportService = Provide[Container.support]) -> Any:
        return support.memory_detail(memory_id)

    @get("/healthz")
    async def health(self) -> dict[str, str]:
        return {"status": "ok"}


def create_app() -> Litestar:
    container = build_container()
    app = Litestar(route_handlers=[OrgController, SupportController])
    app.state.container = container
    return app
