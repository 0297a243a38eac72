from django.db import models

from .base import WorkspaceModel


class Message(WorkspaceModel):
    sender = models.CharField(max_length=120)
    body = models.TextField()

    class Meta:
        db_table = "ws_messages"


class Schedule(WorkspaceModel):
    cron = models.CharField(max_length=64)
    task = models.CharField(max_length=120)
    enabled = models.BooleanField(default=True)

    class Meta:
        db_table = "ws_schedules"
