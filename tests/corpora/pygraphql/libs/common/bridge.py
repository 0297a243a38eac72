"""Lets console pages preview a workspace without a network hop (dev only)."""
from workspace.models import AgentMemory


class WorkspaceBridge:
    def preview(self, workspace_id: str) -> list[str]:
        return [m.content for m in AgentMemory.objects.filter(workspace_id=workspace_id)[:5]]
