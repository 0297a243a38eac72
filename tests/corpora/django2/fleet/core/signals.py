from django.core.cache import cache, caches
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from libs.common.cache_keys import MEMORY_PREFIX, quota_key

from .models import MemoryQuota, Organization


@receiver(post_save, sender=MemoryQuota)
def refresh_quota_cache(sender, instance, **kwargs):
    cache.set(quota_key(instance.org_id), instance.limit_mb)


@receiver(pre_delete, sender=Organization)
def purge_workspace_cache(sender, instance, **kwargs):
    """Drop the org's cached mem: entries when it is deleted (log line: 'purged mem: keys')."""
    workspace_cache = caches["workspace"]  # expect: MOL102
    workspace_cache.delete_pattern(f"{MEMORY_PREFIX}{instance.slug}:*")  # expect: MOL102
    cache.delete(quota_key(instance.pk))
