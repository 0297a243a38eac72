"""Table names both sides spell in raw SQL, kept in one place."""

MEMORIES = "agent_memories"
ACTIVITY = "activity_events"
MESSAGES = "chat_messages"
SECRETS = "workspace_secrets"

# control-plane tables
ORGS = "orgs"
QUOTA_PLANS = "memory_quota_plans"
INVOICES = "billing_invoices"
