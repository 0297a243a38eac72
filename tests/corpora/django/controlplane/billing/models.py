from django.db import models

from common.tables import MEMORY_QUOTAS, ORGS


class Org(models.Model):
    id = models.UUIDField(primary_key=True)
    slug = models.SlugField(unique=True)
    plan = models.CharField(max_length=32, default="team")

    class Meta:
        db_table = ORGS


class Invoice(models.Model):
    org = models.ForeignKey(Org, on_delete=models.CASCADE, related_name="invoices")
    period = models.DateField()
    amount_cents = models.BigIntegerField(default=0)

    class Meta:
        db_table = "billing_invoices"


class MemoryQuota(models.Model):
    """The plan limit on an org's agent memories (a number the platform sells, not the memories)."""

    org = models.OneToOneField(Org, on_delete=models.CASCADE)
    bytes_allowed = models.BigIntegerField()

    class Meta:
        db_table = MEMORY_QUOTAS
