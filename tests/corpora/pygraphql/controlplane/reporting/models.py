from django.db import models

from libs.common import tables


class TenantMemory(models.Model):
    """Read-only view of a workspace's memories (served by the replica)."""

    id = models.UUIDField(primary_key=True)
    org_id = models.UUIDField()
    workspace_id = models.UUIDField()
    content = models.TextField()

    class Meta:
        app_label = "reporting"
        managed = False
        db_table = tables.MEMORIES
