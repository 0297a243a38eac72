from django.conf import settings
from django.db import models

from common.tables import MEMORIES


class MemoryQuerySet(models.QuerySet):
    def for_workspace(self, workspace_id: str) -> "MemoryQuerySet":
        return self.filter(workspace_id=workspace_id)


def _this_org() -> str:
    return settings.MOLECULE_ORG_ID


class AgentMemory(models.Model):
    org_id = models.UUIDField(default=_this_org, editable=False)
    workspace_id = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=32, default="note")
    content = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MemoryQuerySet.as_manager()

    class Meta:
        db_table = MEMORIES
        ordering = ["-created_at"]
