// Package tablenames names the tables both planes talk about, so a rename is one edit.
package tablenames

const (
	Orgs          = "orgs"
	Invoices      = "invoices"
	MemoryQuotas  = "memory_quotas"
	Activities    = "activities"
	Secrets       = "workspace_secrets"
	AgentMessages = "agent_messages"
)
