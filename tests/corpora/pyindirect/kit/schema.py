"""Every table name in one place, so a rename is a one-line diff."""

from enum import StrEnum

__all__ = ["ControlTable", "SCHEMA_VERSION", "WsTable"]

SCHEMA_VERSION = 7


class WsTable(StrEnum):
    """Tables of a workspace database (one database per org, on the org's own host)."""

    NOTES = "ws_notes"
    RUNS = "agent_runs"
    EVENTS = "run_events"
    SCHEDULES = "schedules"
    SECRETS = "vault_secrets"


class ControlTable(StrEnum):
    """Tables of the control-plane database."""

    ORGS = "orgs"
    INVOICES = "invoices"
    LEDGER = "usage_ledger"
    DNS = "dns_records"
    HOSTS = "hosts"
    QUOTAS = "run_quotas"
