from libs.common.repository import ReadOnlyRepository
from libs.common.tables import FleetTables, TenantTables, tenant_table


class ActivityRepository(ReadOnlyRepository):
    table = TenantTables.ACTIVITY
    using = "workspace_ro"


class MessageRepository(ReadOnlyRepository):
    table = tenant_table("messages")
    using = "workspace_ro"


class InvoiceRepository(ReadOnlyRepository):
    table = FleetTables.INVOICES


def latest_invoices():
    return InvoiceRepository().latest(50)


def latest_messages(org_id):
    return MessageRepository().for_org(org_id)  # expect: MOL101
