"""Export helpers for a workspace's memories (used by the workspace server's export endpoint)."""

from workspace.memories.models import AgentMemory


def export_rows(workspace_id: str) -> list[dict[str, object]]:
    return list(AgentMemory.objects.filter(workspace_id=workspace_id).values("id", "content", "created_at"))
