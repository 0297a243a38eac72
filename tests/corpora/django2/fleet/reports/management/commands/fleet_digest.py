from django.core.management.base import BaseCommand

from fleet.clients.workspace import WorkspaceClient
from fleet.core.models import Organization


class Command(BaseCommand):
    help = "Monday digest: how much every org stored last week (sent to #capacity)."

    def handle(self, *args, **options):
        totals = {}
        for org in Organization.objects.active().only("slug", "workspace_url"):  # expect: MOL202
            client = WorkspaceClient.for_org(org)
            totals[org.slug] = client.memory_count("default")
        self.stdout.write("\n".join(f"{slug}: {n}" for slug, n in sorted(totals.items())))
