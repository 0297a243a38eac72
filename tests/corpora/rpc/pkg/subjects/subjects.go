// Package subjects names the NATS subjects services use to talk to each other.
package subjects

import "fmt"

const (
	// InvoiceCreated is published by billing; any service may subscribe.
	InvoiceCreated = "billing.invoice.created"
	orgPrefix      = "org.%s"
)

// MemoryCount is answered by the memory plugin of one org (request-reply).
func MemoryCount(orgID string) string {
	return fmt.Sprintf(orgPrefix+".memories.count", orgID)
}

// Heartbeat is answered by every tenant's workspace server with its build version.
func Heartbeat(orgID string) string {
	return fmt.Sprintf(orgPrefix+".heartbeat", orgID)
}
