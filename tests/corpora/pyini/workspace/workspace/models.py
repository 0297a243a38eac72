import datetime

from peewee import CharField, DateTimeField, TextField

from workspace.db import BaseModel


class Memory(BaseModel):
    org_id = CharField()
    workspace_id = CharField()
    content = TextField()
    created_at = DateTimeField(default=datetime.datetime.utcnow)

    class Meta:
        table_name = "memories"


class ActivityEvent(BaseModel):
    org_id = CharField()
    workspace_id = CharField()
    kind = CharField()

    class Meta:
        table_name = "activity_events"
