// Package tables names the tables both sides agree on, so a rename is one edit.
package tables

const (
	// Memories is the runtime's memories table; the control plane must not read it.
	Memories       = "memories"
	ActivityEvents = "activity_events"
	Schedules      = "schedules"
	Secrets        = "secrets"

	Orgs            = "orgs"
	BillingAccounts = "billing_accounts"
	MemoryQuotas    = "memory_quotas"
)
