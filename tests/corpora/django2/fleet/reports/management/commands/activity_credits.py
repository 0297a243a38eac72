from collections import Counter

from django.core.management.base import BaseCommand

from fleet.clients.workspace import WorkspaceClient
from fleet.core.models import ActivityCredit, Organization
from fleet.reports.repositories import ActivityRepository


class Command(BaseCommand):
    help = "Convert each org's workspace activity into billing credits."

    def handle(self, *args, **options):
        events = Counter()
        for org in Organization.objects.active().iterator():  # expect: MOL202
            repo = ActivityRepository.for_alias("workspace_ro")
            events[org.pk] += len(repo.for_org(org.slug))  # expect: MOL101
        ActivityCredit.objects.bulk_create(
            ActivityCredit(org_id=org_pk, credits=count // 100) for org_pk, count in events.items()
        )
        for org in Organization.objects.active():
            WorkspaceClient.for_org(org).health()
