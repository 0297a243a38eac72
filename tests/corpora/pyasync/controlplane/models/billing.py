"""The control plane's own tables."""

from tortoise import fields
from tortoise.models import Model

from libs import dbnames


class Org(Model):
    id = fields.CharField(pk=True, max_length=64)
    name = fields.CharField(max_length=200)
    status = fields.CharField(max_length=20, default="active")
    api_url = fields.CharField(max_length=300)
    workspace_id = fields.UUIDField(null=True)

    class Meta:
        table = dbnames.ORGS


class Invoice(Model):
    id = fields.IntField(pk=True)
    org_id = fields.CharField(max_length=64, index=True)
    amount_cents = fields.IntField()
    period = fields.CharField(max_length=7)

    class Meta:
        table = dbnames.INVOICES


class MemoryQuota(Model):
    """How many memories an org's plan allows (the memories themselves stay on the tenant host)."""

    id = fields.IntField(pk=True)
    org_id = fields.CharField(max_length=64, unique=True)
    max_items = fields.IntField()

    class Meta:
        table = dbnames.MEMORY_QUOTAS
