from celery import shared_task

from fleet.core.models import Organization

from .client import DnsClient


@shared_task(bind=True, max_retries=5)
def sync_org_record(self, org_id):
    org = Organization.objects.get(pk=org_id)
    DnsClient().upsert_record("fleet.app", org.slug, org.workspace_url)


@shared_task
def sync_all_records():
    for org_id in Organization.objects.active().values_list("pk", flat=True):
        sync_org_record.apply_async(args=[org_id], countdown=2)
