from celery import group, shared_task

from controlplane.billing.models import Org
from controlplane.provisioning.dns import DnsClient


@shared_task
def sync_dns_for(org_id: str) -> None:
    org = Org.objects.get(id=org_id)
    DnsClient().upsert("orbit-cloud.io", org.slug, f"{org.slug}.edge.orbit-cloud.io")


@shared_task
def sync_dns() -> None:
    group(sync_dns_for.s(str(org_id)) for org_id in Org.objects.values_list("id", flat=True)).apply_async()
