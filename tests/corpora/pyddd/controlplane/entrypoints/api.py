from typing import Annotated

from dependency_injector.wiring import Provide, inject
from fastapi import Depends, FastAPI

from controlplane.adapters.repository import AbstractNotebookRepository
from controlplane.adapters.runtime_client import RuntimeAdapter
from controlplane.adapters.usage import UsageSource
from controlplane.containers import Container
from controlplane.unit_of_work import SqlAlchemyUnitOfWork

app = FastAPI(title="fleetdeck control plane")


@inject
def get_uow(uow: SqlAlchemyUnitOfWork = Depends(Provide[Container.uow])) -> SqlAlchemyUnitOfWork:
    return uow


def get_repo(uow: Annotated[SqlAlchemyUnitOfWork, Depends(get_uow)]) -> AbstractNotebookRepository:
    with uow:
        return uow.notebooks


@app.get("/admin/orgs/{org_id}/notebooks")
def support_notebooks(org_id: str, repo: Annotated[AbstractNotebookRepository, Depends(get_repo)]) -> list[dict]:
    return [n.model_dump() for n in repo.list_for_org(org_id)]


@app.get("/admin/usage")
@inject
def usage(source: UsageSource = Depends(Provide[Container.usage_source])) -> dict[str, int]:
    return source.messages_per_org()


@app.get("/admin/orgs/{org_id}/runtime-notebooks")
@inject
async def runtime_notebooks(org_id: str, runtime: RuntimeAdapter = Depends(Provide[Container.runtime])) -> list[dict]:
    return await runtime.notebooks(org_id)


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
