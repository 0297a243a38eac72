"""The workspace's tables (Tortoise ORM)."""

from tortoise import fields
from tortoise.models import Model

from libs import dbnames


class Workspace(Model):
    id = fields.UUIDField(pk=True)
    org_id = fields.CharField(max_length=64)
    name = fields.CharField(max_length=200)
    status = fields.CharField(max_length=20)

    class Meta:
        table = "workspaces"


class Memory(Model):
    id = fields.UUIDField(pk=True)
    org_id = fields.CharField(max_length=64)
    workspace = fields.ForeignKeyField("models.Workspace", related_name="memories")
    content = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = dbnames.MEMORIES


class Message(Model):
    id = fields.UUIDField(pk=True)
    org_id = fields.CharField(max_length=64)
    workspace = fields.ForeignKeyField("models.Workspace", related_name="messages")
    role = fields.CharField(max_length=20)
    content = fields.TextField()
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = dbnames.MESSAGES
