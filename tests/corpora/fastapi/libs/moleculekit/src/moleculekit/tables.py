"""Table names in one place, so a rename is one edit."""

from enum import StrEnum


class Table(StrEnum):
    MEMORIES = "memories"
    ACTIVITY = "activity_events"
    CHAT_MESSAGES = "chat_messages"
    SCHEDULES = "agent_schedules"
    SECRETS = "workspace_secrets"


class PlatformTable(StrEnum):
    ORGS = "orgs"
    INVOICES = "invoices"
    MEMORY_QUOTAS = "memory_quotas"
    USAGE_SNAPSHOTS = "usage_snapshots"
