package billing

// Queries the usage sources run. Quota usage is pushed by runtimes into memory_quotas.
const (
	countMemoriesSQL = `SELECT count(*) FROM memories WHERE org_id = @org`
	quotaUsedSQL     = `SELECT used_memories FROM memory_quotas WHERE org_id = @org`
	invoiceTotalSQL  = `SELECT coalesce(sum(amount_cents), 0) FROM activity_invoices WHERE org_id = @org`
)
