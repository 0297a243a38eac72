from litestar import Controller, get, post
from litestar.di import Provide
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from controlplane.clients.workspace import WorkspaceClient
from controlplane.provisioning.models import ProvisionJob, ScheduleMirror
from controlplane.provisioning.repositories import (
    OrgRepository,
    ProvisionJobRepository,
    ScheduleMirrorRepository,
)
from controlplane.tasks import provision_org
from molecore import routes


async def provide_orgs(db_session: AsyncSession) -> OrgRepository:
    return OrgRepository(session=db_session)


async def provide_workspace() -> WorkspaceClient:
    return WorkspaceClient()


class ProvisioningController(Controller):
    path = "/orgs"
    dependencies = {"orgs": Provide(provide_orgs), "workspace": Provide(provide_workspace)}

    @post("/{org_id:str}/provision")
    async def provision(self, org_id: str) -> dict:
        task = await provision_org.kiq(org_id)
        return {"task": task.task_id}

    @get("/{org_id:str}/messages")
    async def messages(self, org_id: str, workspace: WorkspaceClient) -> list[dict]:
        resp = await workspace.get(routes.MESSAGES.format(workspace_id=org_id))  # expect: MOL103
        return resp.json()

    @get("/{org_id:str}/status")
    async def status(self, org_id: str, workspace: WorkspaceClient) -> dict:
        return {"org": org_id, "healthy": await workspace.healthy()}

    @get("/jobs/stuck")
    async def stuck(self, db_session: AsyncSession) -> dict:
        jobs = await ProvisionJobRepository(session=db_session).count(state="running")
        per_org = await db_session.execute(select(ProvisionJob.org_id, func.count()).group_by(ProvisionJob.org_id))
        return {"running": jobs, "per_org": dict(per_org.all())}

    @get("/schedules/stuck")
    async def stuck_schedules(self, db_session: AsyncSession) -> dict:
        total = await ScheduleMirrorRepository(session=db_session).count()  # expect: MOL101, MOL201
        by_org = await db_session.execute(
            select(ScheduleMirror.org_id, func.count()).group_by(ScheduleMirror.org_id)  # expect: MOL101, MOL201
        )
        return {"total": total, "by_org": dict(by_org.all())}
