from litestar import Controller, get
from litestar.di import Provide
from sqlalchemy.ext.asyncio import AsyncSession

from controlplane.billing.plans import MemoryPlanRepository, MemoryPlanService
from controlplane.billing.usage import billable_usage, invoices_due
from molecore.dto import UsageRow


async def provide_plans(db_session: AsyncSession) -> MemoryPlanService:
    return MemoryPlanService(session=db_session)


class BillingController(Controller):
    path = "/billing"
    dependencies = {"plans": Provide(provide_plans)}

    @get("/usage")
    async def usage(self, request) -> list[UsageRow]:
        return await billable_usage(request.app.state.workspace_pool)

    @get("/invoices/due")
    async def due(self, request) -> list[dict]:
        return [dict(r) for r in await invoices_due(request.app.state.pool)]

    @get("/plans/count")
    async def plan_count(self, plans: MemoryPlanService, db_session: AsyncSession) -> dict:
        per_org = await MemoryPlanRepository(session=db_session).count(org_id="acme")
        return {"plans": await plans.plans_in_use(), "acme": per_org}
