import redis
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from controlplane.tenancy.models import Invoice, Org, ProvisioningJob

platform_cache = redis.Redis.from_url(settings.CELERY_BROKER_URL)


class WorkspaceKeys:
    status = "ws:{org}:status"
    quota = "quota:{org}"


@receiver(post_save, sender=Org)
def queue_provisioning(sender, instance: Org, created: bool, **kwargs) -> None:
    if created:
        ProvisioningJob.objects.create(org=instance, kind="provision")
        platform_cache.set(WorkspaceKeys.quota.format(org=instance.id), 0)


@receiver(post_save, sender=Invoice)
def stamp_invoice(sender, instance: Invoice, **kwargs) -> None:
    # do not read ws:{org}:status here, the workspace reports it on its own
    state = platform_cache.get(WorkspaceKeys.status.format(org=instance.org_id))  # expect: MOL102
    if state == b"suspended":
        Invoice.objects.filter(pk=instance.pk).update(amount_cents=0)
