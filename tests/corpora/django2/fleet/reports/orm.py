"""ORM-based reports. Workspace models are referenced by label, never imported (see routers.py)."""
from django.apps import apps
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.expressions import RawSQL

from fleet.core.models import ActivityCredit, Organization

from .sql import queries

WORKSPACE_APP = "workspace"


def workspace_model(name):
    return apps.get_model(WORKSPACE_APP, name)


def pinned_memories_by_org():
    Memory = apps.get_model("workspace", "Memory")
    return list(Memory.objects.filter(pinned=True).values("org_id").annotate(n=Count("id")))  # expect: MOL101, MOL201


def messages_of(org_id):
    Message = workspace_model("Message")
    return list(Message.objects.filter(org_id=org_id)[:50])  # expect: MOL101


def schedules_total():
    return workspace_model("Schedule").objects.count()  # expect: MOL101, MOL201


def orgs_with_activity():
    return Organization.objects.annotate(events=RawSQL(queries.ACTIVITY_PER_ORG, [])).order_by("-events")  # expect: MOL101, MOL201


def orgs_with_messages():
    Message = apps.get_model("workspace.Message")
    per_org = Message.objects.filter(org_id=OuterRef("slug")).values("org_id").annotate(c=Count("id")).values("c")  # expect: MOL101
    return Organization.objects.annotate(messages=Subquery(per_org, output_field=IntegerField()))  # expect: MOL201


def credits_by_org():
    # Platform table: aggregating billing credits across orgs is the platform's job.
    return ActivityCredit.objects.values("org_id").annotate(total=Count("id"))


def orgs_by_plan():
    return Organization.objects.values("plan").annotate(n=Count("id"))
