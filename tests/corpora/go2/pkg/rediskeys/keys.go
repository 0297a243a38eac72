// Package rediskeys builds every Redis key we use, so the key layout is documented in one file.
package rediskeys

import "fmt"

const (
	memoryPrefix = "mem"
	runsPrefix   = "runs"
	quotaPrefix  = "quota"
)

// MemoryIndex is the set of memory ids of one workspace (workspace Redis).
func MemoryIndex(workspaceID string) string {
	return fmt.Sprintf("%s:%s:index", memoryPrefix, workspaceID)
}

// RunStream is the stream of run events of one workspace (workspace Redis).
func RunStream(workspaceID string) string {
	return runsPrefix + ":" + workspaceID
}

// OrgQuota caches an org's plan limits (control-plane Redis).
func OrgQuota(orgID string) string {
	return fmt.Sprintf("%s:%s", quotaPrefix, orgID)
}
