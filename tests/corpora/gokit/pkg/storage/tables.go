// Package storage names the tables the services share a vocabulary for.
package storage

const (
	MemoriesTable = "workspace_memories"
	RunsTable     = "agent_runs"
	MessagesTable = "chat_messages"

	// platform-owned
	QuotaTable    = "memory_quota_usage"
	InvoicesTable = "billing_invoices"
	HostsTable    = "fleet_hosts"
)
