"""Fleet reports written with an ORM or a query builder: the table is named by the model."""

from django.db.models import Count, F, Func, OuterRef, Subquery, Sum
from sqlalchemy import func, select

from shared.models import Activity, BillingAccount, Memory, Org


def fleet_totals(session):
    memories = Memory.objects.count()  # expect: MOL101, MOL201
    size = Memory.objects.aggregate(total=Sum("size"))  # expect: MOL101, MOL201
    notes = Memory.objects.filter(kind="note").distinct().count()  # expect: MOL101, MOL201
    activity = session.execute(select(func.count()).select_from(Activity)).scalar()  # expect: MOL101, MOL201
    return memories, size, notes, activity


def per_org(session):
    memories = Memory.objects.values("org_id").annotate(n=Count("id"))  # expect: MOL101, MOL201
    activity = session.query(Activity.org_id, func.count(Activity.id)).group_by(Activity.org_id)  # expect: MOL101, MOL201
    return memories, activity


def org_list():
    counts = Memory.objects.filter(org_id=OuterRef("id")).order_by().annotate(n=Func(F("id"), function="Count"))  # expect: MOL101
    return Org.objects.annotate(memories=Subquery(counts.values("n")))  # expect: MOL201


def one_org(session, org_id, org):
    memories = Memory.objects.filter(org=org).count()  # expect: MOL101
    activity = session.query(func.count(Activity.id)).filter(Activity.org_id == org_id).scalar()  # expect: MOL101
    return memories, activity


def platform_tables(session):
    orgs = Org.objects.count()
    billed = session.query(BillingAccount.org_id, func.count(BillingAccount.id)).group_by(BillingAccount.org_id)
    return orgs, billed
