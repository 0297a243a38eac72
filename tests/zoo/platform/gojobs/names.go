package gojobs

// Names of the package, used by jobs.go (another file of the same package).
const (
	memoryView = "agent_memories"
	quotaView  = "memory_quotas"
)

var memoryPrefix = "memory:"
