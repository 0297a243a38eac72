// Package subjects builds NATS subjects so publishers and subscribers agree on them.
package subjects

import "fmt"

const root = "org"

// Memories is the request subject a tenant runtime answers for its memory store.
func Memories(orgID, op string) string {
	return fmt.Sprintf("%s.%s.memories.%s", root, orgID, op)
}

// Provisioned is published by the control plane once a host is up.
func Provisioned(orgID string) string {
	return "platform.provisioned." + orgID
}
