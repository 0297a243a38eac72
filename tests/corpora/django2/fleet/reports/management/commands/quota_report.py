from django.core.management.base import BaseCommand
from django.db import connection

from fleet.reports.sql.queries import INVOICE_TOTALS, QUOTA_USAGE
from libs.common.db import count_rows, fetch_all
from libs.common.tables import FleetTables


class Command(BaseCommand):
    help = "Quota usage per org from fleet_memory_quotas (the platform's own table; ws_memories is never read)."

    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            cursor.execute(QUOTA_USAGE)
            quotas = cursor.fetchall()
        invoices = fetch_all(INVOICE_TOTALS)
        self.stdout.write(f"{len(quotas)} quotas, {len(invoices)} invoiced orgs, {count_rows(FleetTables.ORGS)} orgs")
        self.stdout.write(f"credits rows: {count_rows(FleetTables.ACTIVITY_CREDITS)}")
