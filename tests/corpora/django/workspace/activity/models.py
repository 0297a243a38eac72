from django.db import models


class ActivityEvent(models.Model):
    org_id = models.UUIDField(editable=False)
    workspace_id = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=64)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "activity_events"
