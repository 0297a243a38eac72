MEMORY_TABLE = "agent_memories"
QUOTA_TABLE = "memory_quotas"  # a platform table sharing a word with a tenant one
ACTIVITY_TABLE, ORGS_TABLE = "activity_logs", "orgs"

TABLES_BY_KIND = {"memories": MEMORY_TABLE, "quotas": QUOTA_TABLE}
PURGEABLE = (QUOTA_TABLE, "billing_accounts")
