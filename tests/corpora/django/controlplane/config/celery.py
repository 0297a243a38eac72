import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "controlplane.config.settings")

app = Celery("controlplane")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "nightly-invoices": {"task": "controlplane.billing.tasks.close_invoices", "schedule": crontab(hour=2, minute=0)},
    "fleet-usage": {"task": "controlplane.billing.tasks.refresh_fleet_usage", "schedule": crontab(minute="*/30")},
    "dns-sync": {"task": "controlplane.provisioning.tasks.sync_dns", "schedule": 300.0},
}
