import strawberry
from django.conf import settings

from workspace.models import ActivityEvent, AgentMemory


@strawberry.type
class Memory:
    id: strawberry.ID
    content: str


@strawberry.type
class Query:
    @strawberry.field
    def memories(self, workspace: strawberry.ID, first: int = 100) -> list[Memory]:
        rows = AgentMemory.objects.for_workspace(workspace).filter(org_id=settings.ORG_ID)[:first]
        return [Memory(id=m.id, content=m.content) for m in rows]

    @strawberry.field
    def activity_count(self, workspace: strawberry.ID) -> int:
        return ActivityEvent.objects.for_workspace(workspace).count()


schema = strawberry.Schema(query=Query)
