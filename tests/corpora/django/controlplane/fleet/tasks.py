from celery import chord, shared_task

from common.sql import latest
from controlplane.billing.models import Org
from controlplane.core import constants
from controlplane.core.db import fetch_all
from controlplane.fleet.models import MemoryRecord


@shared_task
def count_memories(org_id: str) -> int:
    return MemoryRecord.objects.for_org(org_id).count()  # expect: MOL101


@shared_task
def store_total(counts: list[int]) -> int:
    return sum(counts)


@shared_task
def refresh_fleet_usage() -> None:
    org_ids = list(Org.objects.values_list("id", flat=True))
    chord(count_memories.s(org_id) for org_id in org_ids)(store_total.s())  # expect: MOL202


def weekly_activity() -> dict[str, int]:
    totals: dict[str, int] = {}
    for org in Org.objects.all():  # expect: MOL202
        totals[str(org.id)] = len(fetch_all(latest(constants.ACTIVITY), [org.id]))  # expect: MOL101
    return totals
