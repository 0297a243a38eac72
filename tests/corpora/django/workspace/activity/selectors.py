from workspace.activity.models import ActivityEvent


def recent_activity(workspace_id: str, limit: int = 50) -> list[dict[str, object]]:
    return list(ActivityEvent.objects.filter(workspace_id=workspace_id).values()[:limit])
