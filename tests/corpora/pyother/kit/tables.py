"""Table names every service agrees on: rename a table here and nowhere else."""

import enum


class TenantTable(str, enum.Enum):
    """Tables of a workspace server's own database."""

    MEMORIES = "agent_memories"
    ACTIVITY = "activity_events"
    MESSAGES = "chat_messages"


class PlatformTable(str, enum.Enum):
    ORGS = "orgs"
    SUBSCRIPTIONS = "subscriptions"
    ACTIVITY_QUOTAS = "activity_quotas"
    INVOICES = "invoices"


MEMORY_TABLE = TenantTable.MEMORIES.value
SCHEDULES = "schedules"
SECRETS = "workspace_secrets"
