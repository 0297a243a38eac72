import strawberry
from strawberry.types import Info

from controlplane.container import container
from controlplane.tenancy.models import Org

SCHEDULES_QUERY = "query { schedules { id cron nextRunAt } }"
INVOICE_QUERY = "query Invoices($org: ID!) { invoices(org: $org) { id amountCents } }"


@strawberry.type
class OrgType:
    id: strawberry.ID
    slug: str

    @strawberry.field
    async def memory_count(self, info: Info) -> int:
        return await info.context["memory_counts"].load(str(self.id))

    @strawberry.field
    async def invoice_count(self, info: Info) -> int:
        return await info.context["invoice_counts"].load(str(self.id))


@strawberry.type
class Query:
    @strawberry.field
    def orgs(self) -> list[OrgType]:
        return [OrgType(id=org.id, slug=org.slug) for org in Org.objects.active()]

    @strawberry.field
    def schedules(self) -> list[strawberry.scalars.JSON]:
        return container.workspace_graphql().execute(SCHEDULES_QUERY)["schedules"]

    @strawberry.field
    def invoices(self, org_id: strawberry.ID) -> list[strawberry.scalars.JSON]:
        return container.billing_graphql().execute(INVOICE_QUERY, {"org": org_id})["invoices"]


schema = strawberry.Schema(query=Query)
