from django.core.management.base import BaseCommand

from controlplane.audit.db import open_target
from libs.common import tables


class Command(BaseCommand):
    help = "Count workspace_secrets rows per workspace for the SOC2 audit"

    def handle(self, *args, **options) -> None:
        with open_target("workspace") as conn:  # expect: MOL102
            rows = conn.execute(f"SELECT workspace_id, count(*) FROM {tables.SECRETS} GROUP BY workspace_id")  # expect: MOL101, MOL201
            for workspace_id, n in rows:
                self.stdout.write(f"{workspace_id}\t{n}")
