"""Monthly usage per org, for the invoice run."""

import logging
from functools import cached_property, partial

import psycopg

from kit import ControlTable, WsTable
from kit.db import count_rows, fetch
from kit.sqltext import INVOICE_TOTAL, NOTES_COUNT

log = logging.getLogger(__name__)

count_events = partial(count_rows, table=WsTable.EVENTS.value)
count_invoices = partial(count_rows, table=ControlTable.INVOICES)


class UsageReport:
    """Billable usage of one org. Rows of ws_notes and agent_runs are counted by the workspace itself."""

    def __init__(self, conn: psycopg.Connection, org_id: str) -> None:
        self.conn = conn
        self.org_id = org_id

    @cached_property
    def runs_table(self) -> str:
        return WsTable.RUNS.value

    @property
    def ledger_table(self) -> str:
        return ControlTable.LEDGER

    def run_count(self) -> int:
        sql = f"SELECT count(*) AS n FROM {self.runs_table} WHERE org_id = %s"
        return self.conn.execute(sql, (self.org_id,)).fetchone()["n"]  # expect: MOL101

    def ledger_rows(self) -> list[dict]:
        return fetch(self.conn, f"SELECT * FROM {self.ledger_table} WHERE org_id = %s", self.org_id)

    def note_count(self) -> int:
        return self.conn.execute(NOTES_COUNT, (self.org_id,)).fetchone()["n"]  # expect: MOL101

    def invoice_total(self) -> int:
        log.info("invoice total for %s (agent_runs not included)", self.org_id)
        return self.conn.execute(INVOICE_TOTAL, (self.org_id,)).fetchone()["total"]


def fleet_event_total(conn: psycopg.Connection) -> int:
    return count_events(conn)  # expect: MOL101, MOL201


def invoice_count(conn: psycopg.Connection) -> int:
    return count_invoices(conn)


def secret_names(conn: psycopg.Connection, org_id: str) -> list[dict]:
    return fetch(conn, f"SELECT name FROM {WsTable.SECRETS} WHERE org_id = %s", org_id)  # expect: MOL101


def quota_rows(conn: psycopg.Connection, org_id: str) -> list[dict]:
    return fetch(conn, f"SELECT * FROM {ControlTable.QUOTAS} WHERE org_id = %s", org_id)
