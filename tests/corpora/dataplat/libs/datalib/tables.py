"""Canonical table names. Workspace tables live on each org host; the rest in the platform database."""

# workspace server (per org host)
MEMORIES = "memories"
ACTIVITY = "activity_events"
MESSAGES = "chat_messages"
SCHEDULES = "schedules"
SECRETS = "workspace_secrets"
WORKSPACES = "workspaces"

# platform database
ORGS = "orgs"
HOSTS = "hosts"
BILLING_USAGE = "billing_usage"
INVOICES = "invoices"
MEMORY_QUOTAS = "memory_quotas"
