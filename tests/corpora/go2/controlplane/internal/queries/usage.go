// Package queries holds the control plane's SQL, one constant per statement.
package queries

const (
	// OrgInvoiceTotals sums what each org was billed.
	OrgInvoiceTotals = `SELECT org_id, sum(amount_cents) FROM invoices GROUP BY org_id`

	// QuotaForOrg reads an org's memory quota (not its memories).
	QuotaForOrg = `SELECT max_memories FROM memory_quotas WHERE org_id = $1`

	// MemoryCountsByOrg feeds the fleet dashboard.
	MemoryCountsByOrg = `
		SELECT org_id, count(*) AS memories
		FROM workspace_memories
		GROUP BY org_id`

	ActiveOrgs = `SELECT id, slug, workspace_id FROM orgs WHERE suspended_at IS NULL ORDER BY id`
)
