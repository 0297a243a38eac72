"""Where the billing job gets an org's usage number from."""
from typing import Protocol

from django.db import connections

from controlplane.tenancy.models import Invoice
from libs.common import tables


class UsageSource(Protocol):
    def count(self, org_id: str) -> int: ...


class InvoiceUsage:
    def count(self, org_id: str) -> int:
        return Invoice.objects.filter(org_id=org_id).count()


class MessageUsage:
    table = tables.MESSAGES
    alias = "tenant_replica"

    def count(self, org_id: str) -> int:
        with connections[self.alias].cursor() as cursor:  # expect: MOL102
            cursor.execute(f"SELECT count(*) FROM {self.table} WHERE org_id = %s", [org_id])  # expect: MOL101
            return cursor.fetchone()[0]


def source_for(kind: str) -> UsageSource:
    return MessageUsage() if kind == "messages" else InvoiceUsage()
