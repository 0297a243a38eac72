// Package tables names the Postgres relations of every service in one place, so SQL in queries
// packages and DAOs never spells a relation twice.
package tables

// Control-plane relations (Railway Postgres).
const (
	Orgs           = "orgs"
	Invoices       = "invoices"
	UsageSnapshots = "usage_snapshots"
	DNSZones       = "dns_zones"
	MemoryQuotas   = "memory_quotas"
)

// Workspace relations: they live on each org's own host.
const (
	Memories  = "workspace_memories"
	RunEvents = "run_events"
	Messages  = "chat_messages"
	Schedules = "agent_schedules"
)
