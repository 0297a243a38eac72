from django.core.management.base import BaseCommand
from django.db import connections

from fleet.reports.sql import queries


class Command(BaseCommand):
    help = "Weekly memory growth per org, for capacity planning of the workspace hosts."

    def add_arguments(self, parser):
        parser.add_argument("--alias", default="workspace_ro")

    def handle(self, *args, **options):
        with connections[options["alias"]].cursor() as cursor:
            cursor.execute(queries.MEMORY_GROWTH_BY_ORG)  # expect: MOL101, MOL201
            rows = cursor.fetchall()
        for org_id, memories, size in rows:
            self.stdout.write(f"{org_id}\t{memories}\t{size}")
