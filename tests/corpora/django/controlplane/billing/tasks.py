from celery import shared_task
from django.db.models import Sum

from controlplane.billing.models import Invoice, Org


@shared_task
def close_invoices() -> dict[str, int]:
    totals = Invoice.objects.values("org_id").annotate(total=Sum("amount_cents"))
    return {str(row["org_id"]): row["total"] for row in totals}


@shared_task
def remind(org_id: str) -> None:
    Org.objects.filter(id=org_id).update(plan="team")


@shared_task
def remind_all() -> None:
    for org_id in Org.objects.values_list("id", flat=True):
        remind.delay(org_id)
