"""Peewee models of the reporting worker."""

from peewee import BigAutoField, CharField, IntegerField, Model, PostgresqlDatabase, TextField

from kit.tables import PlatformTable, TenantTable

database = PostgresqlDatabase(None)


class BaseModel(Model):
    class Meta:
        database = database


class Subscription(BaseModel):
    id = BigAutoField()
    org_id = CharField()
    plan = CharField()
    seats = IntegerField()

    class Meta:
        table_name = PlatformTable.SUBSCRIPTIONS.value


class ChatMessage(BaseModel):
    id = BigAutoField()
    org_id = CharField()
    workspace_id = CharField()
    body = TextField()

    class Meta:
        table_name = TenantTable.MESSAGES.value
