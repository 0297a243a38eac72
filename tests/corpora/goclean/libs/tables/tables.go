// Package tables names every table the services touch, so renames happen in one place.
package tables

// Workspace state, one database per org host.
const (
	AgentMemories    = "agent_memories"
	ActivityEvents   = "activity_events"
	Schedules        = "schedules"
	WorkspaceSecrets = "workspace_secrets"
	Messages         = "messages"
)

// Control-plane tables.
const (
	Orgs            = "orgs"
	BillingAccounts = "billing_accounts"
	BillingEvents   = "billing_events"
	ProviderSecrets = "provider_secrets"
	ProvisionJobs   = "provision_jobs"
)
