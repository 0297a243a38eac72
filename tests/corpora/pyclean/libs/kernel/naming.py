"""Physical names used by more than one package: rename a table here, nowhere else."""

from enum import StrEnum


class WorkspaceTable(StrEnum):
    MEMORIES = "memory_entries"
    ACTIVITY = "activity_events"
    MESSAGES = "chat_messages"
    SCHEDULES = "cron_schedules"


class ControlTable(StrEnum):
    ORGANIZATIONS = "organizations"
    INVOICES = "invoices"
    DNS_RECORDS = "dns_records"
    MESSAGE_QUOTAS = "message_quotas"
    ACTIVITY_AUDIT = "activity_audit"
    USAGE_SNAPSHOTS = "usage_snapshots"
