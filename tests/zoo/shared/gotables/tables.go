// Package gotables names the tables, as a Go service's shared constants do.
package gotables

const (
	MemoryTable        = "agent_memories"
	QuotaTable  string = "memory_quotas" // a platform table sharing a word with a tenant one
	OrgsTable          = "orgs"
)

// TablesByKind is a registry: code looks its tables up by kind.
var TablesByKind = map[string]string{"memories": MemoryTable, "quotas": QuotaTable}
