// Package keys builds Redis keys; prefixes live here so producers and readers agree.
package keys

import "fmt"

const (
	memoryPrefix  = "mem"
	sessionPrefix = "ws"
	billingPrefix = "billing"
)

// Memory is the cache key of one memory of a workspace.
func Memory(workspaceID, memoryID string) string {
	return fmt.Sprintf("%s:%s:%s", memoryPrefix, workspaceID, memoryID)
}

// Sessions matches every live workspace session.
func Sessions() string { return sessionPrefix + ":*" }

// Invoice is the platform's cache key of an org's open invoice.
func Invoice(orgID string) string { return billingPrefix + ":" + orgID }
