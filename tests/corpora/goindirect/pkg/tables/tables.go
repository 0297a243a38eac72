// Package tables names every table of both schemas, so a rename is one edit.
package tables

// Workspace schema (workspace/migrations).
const (
	Memories  = "memories"
	Events    = "activity_events"
	Schedules = "schedules"
)

// Control-plane schema (controlplane/migrations).
const (
	Orgs         = "orgs"
	Invoices     = "invoices"
	UsageRecords = "usage_records"
	MemoryQuotas = "memory_quotas"
	DNSZones     = "dns_zones"
)
