"""Read-only models over the workspace database, mapped for the fleet reports."""

from tortoise import fields
from tortoise.models import Model

from libs import dbnames


class WorkspaceMemory(Model):
    id = fields.UUIDField(pk=True)
    org_id = fields.CharField(max_length=64)
    workspace_id = fields.UUIDField()
    created_at = fields.DatetimeField()

    class Meta:
        table = dbnames.MEMORIES
        app = "fleet"


class WorkspaceSchedule(Model):
    id = fields.UUIDField(pk=True)
    org_id = fields.CharField(max_length=64)
    cron = fields.CharField(max_length=100)

    class Meta:
        table = "schedules"
        app = "fleet"
