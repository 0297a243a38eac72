"""Per-org exports and retention jobs built on the generic DAOs of `kit.dao`."""

import psycopg

from kit.dao import Cleanup, Exporter, TableDAO
from kit.schema import ControlTable, WsTable


class LedgerExporter(Exporter):
    pass


class EventsExporter(Exporter):
    table = WsTable.EVENTS


class InvoiceDAO(TableDAO):
    def __init__(self, conn: psycopg.Connection) -> None:
        super().__init__(conn, table=ControlTable.INVOICES)


class ScheduleDAO(TableDAO):
    def __init__(self, conn: psycopg.Connection) -> None:
        super().__init__(conn, table=WsTable.SCHEDULES)


class RunsTableMixin:
    table_name = WsTable.RUNS


class QuotaTableMixin:
    table_name = ControlTable.QUOTAS


class RunsCleanup(RunsTableMixin, Cleanup):
    keep_days = 90


class QuotaCleanup(QuotaTableMixin, Cleanup):
    pass


def export_org(conn: psycopg.Connection, org_id: str) -> tuple[list[dict], list[dict]]:
    ledger = LedgerExporter().export(conn, org_id)
    events = EventsExporter().export(conn, org_id)  # expect: MOL101
    return ledger, events


def invoice_count(conn: psycopg.Connection, org_id: str) -> int:
    return InvoiceDAO(conn).count_for(org_id)


def schedule_count(conn: psycopg.Connection, org_id: str) -> int:
    return ScheduleDAO(conn).count_for(org_id)  # expect: MOL101


def nightly_cleanup(conn: psycopg.Connection) -> None:
    QuotaCleanup().run(conn)
    RunsCleanup().run(conn)  # expect: MOL101
