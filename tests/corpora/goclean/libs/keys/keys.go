// Package keys builds Redis keys.
package keys

const memPrefix = "mem:"

// Memory is the cache key of one workspace's recent memories.
func Memory(workspaceID string) string {
	return memPrefix + workspaceID + ":recent"
}

// Quota is the control plane's rate-limit counter for an org.
func Quota(orgID string) string {
	return "billing:quota:" + orgID
}
