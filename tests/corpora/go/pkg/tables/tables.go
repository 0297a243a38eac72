// Package tables names every table the services touch, so a rename is one edit.
package tables

// Workspace-server tables (each org's own database).
const (
	Memories  = "agent_memories"
	Activity  = "activity_logs"
	Messages  = "workspace_messages"
	Schedules = "schedules"
)

// Control-plane tables.
const (
	Orgs           = "orgs"
	BillingAccts   = "billing_accounts"
	DNSRecords     = "dns_records"
	ProvisionJobs  = "provision_jobs"
	MemoryQuotas   = "memory_quotas"
	UsageSnapshots = "usage_snapshots"
	FleetActivity  = "fleet_activity_logs"
)

// Kind is what retention and export jobs are configured with.
type Kind string

const (
	KindMemory   Kind = "memory"
	KindActivity Kind = "activity"
	KindQuota    Kind = "quota"
	KindDNS      Kind = "dns"
)

// ByKind resolves a job's kind to its table.
var ByKind = map[Kind]string{
	KindMemory:   Memories,
	KindActivity: Activity,
	KindQuota:    MemoryQuotas,
	KindDNS:      DNSRecords,
}

// Archive returns the table an archive job copies to cold storage.
func Archive(k Kind) string {
	switch k {
	case KindActivity:
		return Activity
	case KindDNS, KindQuota:
		return DNSRecords
	}
	return ""
}
