from django.db import models


class WorkspaceQuerySet(models.QuerySet):
    def for_workspace(self, workspace_id: str):
        return self.filter(workspace_id=workspace_id)


class AgentMemory(models.Model):
    id = models.UUIDField(primary_key=True)
    org_id = models.UUIDField()
    workspace_id = models.UUIDField()
    content = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        db_table = "agent_memories"


class ActivityEvent(models.Model):
    org_id = models.UUIDField()
    workspace_id = models.UUIDField()
    kind = models.CharField(max_length=32)
    payload = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        db_table = "activity_events"
