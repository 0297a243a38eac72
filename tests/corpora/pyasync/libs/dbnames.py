"""Table names shared by the services' models and raw queries."""

ORGS = "orgs"
INVOICES = "invoices"
MEMORY_QUOTAS = "memory_quotas"

MEMORIES = "memories"
MESSAGES = "messages"
ACTIVITY = "activity_events"
SECRETS = "workspace_secrets"
