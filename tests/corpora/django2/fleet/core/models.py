from django.db import models

from libs.common.tables import FleetTables


class FleetModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class OrganizationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, deleted_at__isnull=True)


class Organization(FleetModel):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    workspace_url = models.URLField()
    plan = models.CharField(max_length=32, default="team")
    is_active = models.BooleanField(default=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        db_table = FleetTables.ORGS


class MemoryQuota(FleetModel):
    """How much memory storage an org's plan allows (not the memories themselves)."""

    org = models.OneToOneField(Organization, on_delete=models.CASCADE)
    limit_mb = models.PositiveIntegerField()
    used_bytes = models.BigIntegerField(default=0)

    class Meta:
        db_table = FleetTables.MEMORY_QUOTAS


class ActivityCredit(FleetModel):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE)
    credits = models.IntegerField()

    class Meta:
        db_table = FleetTables.ACTIVITY_CREDITS


class UsageSnapshot(FleetModel):
    total_events = models.BigIntegerField()

    class Meta:
        db_table = "fleet_usage_snapshots"
