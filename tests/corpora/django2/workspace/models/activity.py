from django.db import models

from libs.common.tables import TenantTables

from .base import WorkspaceModel


class ActivityEvent(WorkspaceModel):
    kind = models.CharField(max_length=64)
    payload = models.JSONField(default=dict)

    class Meta:
        db_table = TenantTables.ACTIVITY
        ordering = ["-created_at"]
