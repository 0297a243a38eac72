"""peewee models of the control plane's own database."""

from peewee import CharField, DatabaseProxy, IntegerField, Model

cp_db = DatabaseProxy()


class CPModel(Model):
    class Meta:
        database = cp_db


class Org(CPModel):
    id = CharField(primary_key=True)
    name = CharField()
    host = CharField(null=True)

    class Meta:
        table_name = "orgs"


class MemoryQuota(CPModel):
    org_id = CharField(primary_key=True)
    max_items = IntegerField()

    class Meta:
        table_name = "memory_quotas"


class ActivityAudit(CPModel):
    org_id = CharField()
    action = CharField()

    class Meta:
        table_name = "activity_audit"
