from django.core.management.base import BaseCommand

from fleet.reports.sql.queries import stale_schedule_sql
from libs.common.db import fetch_all


class Command(BaseCommand):
    help = "Orgs whose workspaces have schedules nobody touched for --days days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90)

    def handle(self, *args, **options):
        sql = stale_schedule_sql(options["days"])
        for org_id, stale in fetch_all(sql, using="workspace_ro"):  # expect: MOL101, MOL102, MOL201
            self.stdout.write(f"{org_id}: {stale}")
