"""Names both services agree on: table names, env variable names and key prefixes."""

import enum

MEMORIES = "memories"
ACTIVITY = "activity_events"

INVOICES = "invoices"
DNS_RECORDS = "dns_records"

WORKSPACE_DSN_ENV = "WORKSPACE_DATABASE_URL"
WORKSPACE_REDIS_ENV = "WORKSPACE_REDIS_URL"
BILLING_DSN_ENV = "BILLING_DATABASE_URL"


class TenantTable(str, enum.Enum):
    MEMORIES = "memories"
    ACTIVITY = "activity_events"


def memory_key_pattern(org_id):
    return "wsmem:%s:*" % org_id


def quota_key(org_id):
    return "quota:%s" % org_id
