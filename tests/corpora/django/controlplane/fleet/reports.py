"""Fleet dashboard queries (DRF views in fleet/views.py call these)."""

from django.db import connections
from django.db.models import Count, Sum

from common.sql import count_by, select_for_org
from controlplane.billing.models import Invoice, MemoryQuota, Org
from controlplane.core import constants
from controlplane.fleet.models import MemoryRecord

REPORTS = {
    "activity_by_org": count_by(constants.ACTIVITY, "org_id"),
    "invoices_by_org": count_by("billing_invoices", "org_id"),
}


def run_report(name: str) -> list[tuple[object, ...]]:
    with connections["default"].cursor() as cursor:
        cursor.execute(REPORTS[name])
        return cursor.fetchall()


def activity_leaderboard() -> list[tuple[object, ...]]:
    return run_report("activity_by_org")  # expect: MOL101, MOL201


def revenue_leaderboard() -> list[tuple[object, ...]]:
    return run_report("invoices_by_org")


def memories_per_org():
    return MemoryRecord.objects.values("org_id").annotate(total=Count("id")).order_by("-total")  # expect: MOL101, MOL201


def memory_total(org_id: str) -> int:
    return MemoryRecord.objects.for_org(org_id).count()  # expect: MOL101


def noisy_orgs():
    errors = f"id IN (SELECT org_id FROM {constants.ACTIVITY} WHERE kind = 'error')"
    return Org.objects.extra(where=[errors])  # expect: MOL101


def message_sample(org_id: str):
    sql = select_for_org(constants.MESSAGES, ("id", "org_id", "body"))
    return list(MemoryRecord.objects.raw(sql, [org_id]))  # expect: MOL101


def revenue_per_org():
    return Invoice.objects.values("org_id").annotate(total=Sum("amount_cents"))


def quota_overview() -> dict[str, int]:
    # Sums the plan limits, not the memories themselves.
    return MemoryQuota.objects.aggregate(total=Sum("bytes_allowed"))
