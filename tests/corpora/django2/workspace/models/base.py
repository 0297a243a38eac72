from django.conf import settings
from django.db import models

from libs.common.tables import tenant_table


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class OrgScopedQuerySet(models.QuerySet):
    def for_current_org(self):
        return self.filter(org_id=settings.ORG_ID)

    def for_workspace(self, workspace_id):
        return self.for_current_org().filter(workspace_id=workspace_id)


class WorkspaceModel(TimeStampedModel):
    org_id = models.UUIDField(db_index=True)
    workspace_id = models.UUIDField(db_index=True)

    objects = OrgScopedQuerySet.as_manager()

    class Meta:
        abstract = True


def workspace_meta(name, **extra):
    """Meta options every workspace table shares: its ws_ name and the workspace index."""
    return type("Meta", (), {"db_table": tenant_table(name), "indexes": [], **extra})
