from __future__ import annotations

import os

from celery import Celery
from celery.schedules import crontab

app = Celery("control", broker=os.environ.get("CELERY_BROKER_URL", "redis://control-redis:6379/1"))
app.conf.update(task_acks_late=True, worker_prefetch_multiplier=1, task_default_queue="control")
app.conf.beat_schedule = {
    "fleet-nightly-report": {"task": "fleet.nightly_report", "schedule": crontab(hour=2, minute=0)},
    "outbox-relay": {"task": "outbox.relay", "schedule": 5.0},
}
app.autodiscover_tasks(["control.fleet", "control.outbox"])
