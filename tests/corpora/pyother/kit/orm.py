"""Tortoise ORM models used by async services."""

from tortoise import fields
from tortoise.models import Model

from kit.tables import PlatformTable, TenantTable


class ActivityEvent(Model):
    id = fields.BigIntField(pk=True)
    org_id = fields.TextField()
    workspace_id = fields.TextField()
    verb = fields.TextField()

    class Meta:
        table = TenantTable.ACTIVITY.value


class Invoice(Model):
    id = fields.BigIntField(pk=True)
    org_id = fields.TextField()
    amount_cents = fields.BigIntField()

    class Meta:
        table = PlatformTable.INVOICES.value
