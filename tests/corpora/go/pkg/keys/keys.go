// Package keys builds Redis keys; the prefixes are part of the on-host cache layout.
package keys

import "fmt"

const (
	workspacePrefix = "ws"
	memoryPrefix    = "mem"
	billingPrefix   = "billing"
)

// WorkspaceState is the live status blob a workspace server keeps per workspace.
func WorkspaceState(workspaceID string) string {
	return fmt.Sprintf("%s:%s:state", workspacePrefix, workspaceID)
}

// RecallCache holds a workspace's recent memories.
func RecallCache(workspaceID string) string {
	return memoryPrefix + ":" + workspaceID + ":recall"
}

// BillingLock serialises invoice runs of one org.
func BillingLock(orgID string) string {
	return fmt.Sprintf("%s:lock:%s", billingPrefix, orgID)
}
