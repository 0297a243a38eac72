from django.conf import settings

from workspace.models import AgentMemory


class MemoryStore:
    def list(self, workspace_id: str) -> list[dict]:
        rows = AgentMemory.objects.for_workspace(workspace_id).filter(org_id=settings.ORG_ID)
        return [{"id": str(m.id), "content": m.content} for m in rows]
