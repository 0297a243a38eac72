"""Unmanaged read models over the org databases, for the fleet dashboard (pre-RFC design)."""

from django.db import models

from controlplane.core import constants


class FleetQuerySet(models.QuerySet):
    def for_org(self, org_id: str) -> "FleetQuerySet":
        return self.filter(org_id=org_id)


class FleetManager(models.Manager.from_queryset(FleetQuerySet)):  # type: ignore[misc]
    def get_queryset(self) -> FleetQuerySet:
        return super().get_queryset().using(constants.FLEET_DB)  # expect: MOL102


class MemoryRecord(models.Model):
    org_id = models.UUIDField()
    workspace_id = models.UUIDField()
    content = models.TextField()
    created_at = models.DateTimeField()

    objects = FleetManager()

    class Meta:
        managed = False
        app_label = "fleet"
        db_table = constants.MEMORIES
