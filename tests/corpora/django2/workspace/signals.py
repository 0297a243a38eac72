from django.db.models.signals import post_save
from django.dispatch import receiver

from libs.common.cache_keys import memory_key

from .models import Memory


@receiver(post_save, sender=Memory)
def cache_memory(sender, instance, **kwargs):
    from django.core.cache import cache

    cache.set(memory_key(instance.workspace_id, instance.pk), instance.body, timeout=3600)
