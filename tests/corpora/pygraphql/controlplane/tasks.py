from celery import Celery, chord, group
from celery.schedules import crontab

from controlplane.clients.rest import WorkspaceREST
from controlplane.reporting.usage import memory_count
from controlplane.tenancy.models import Invoice, Org

app = Celery("controlplane")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = {
    "memory-rollup": {"task": "controlplane.tasks.rollup_memories", "schedule": crontab(hour=2, minute=0)},
    "activity-digest": {"task": "controlplane.tasks.activity_digest", "schedule": crontab(hour=3, minute=0)},
    "invoice-sweep": {"task": "controlplane.tasks.invoice_sweep", "schedule": crontab(day_of_month=1)},
}


@app.task
def rollup_memories() -> dict[str, int]:
    totals: dict[str, int] = {}
    for org in Org.objects.active():  # expect: MOL202
        totals[str(org.id)] = memory_count(str(org.id))
    return totals


@app.task
def org_activity(org_id: str) -> list[dict]:
    return WorkspaceREST().activity(org_id)


@app.task
def merge_activity(results: list[list[dict]]) -> int:
    return sum(len(r) for r in results)


@app.task
def activity_digest() -> None:
    header = group(org_activity.s(str(org.id)) for org in Org.objects.active())  # expect: MOL202
    chord(header)(merge_activity.s())


@app.task
def invoice_sweep() -> int:
    swept = 0
    for org in Org.objects.active():
        swept += Invoice.objects.filter(org=org, amount_cents=0).delete()[0]
    return swept
