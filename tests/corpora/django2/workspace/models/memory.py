from django.db import models
from django.db.models import Count, Sum

from .base import OrgScopedQuerySet, WorkspaceModel, workspace_meta


class MemoryQuerySet(OrgScopedQuerySet):
    def pinned(self):
        return self.filter(pinned=True)

    def totals_by_org(self):
        return self.values("org_id").annotate(n=Count("id"), size=Sum("size_bytes"))


class MemoryManager(models.Manager.from_queryset(MemoryQuerySet)):
    def recent(self, days=7):
        return self.get_queryset().filter(created_at__gte=models.functions.Now() - days)


class Memory(WorkspaceModel):
    title = models.CharField(max_length=200)
    body = models.TextField()
    size_bytes = models.PositiveIntegerField(default=0)
    pinned = models.BooleanField(default=False)

    objects = MemoryManager()

    Meta = workspace_meta("memories", ordering=["-created_at"])
