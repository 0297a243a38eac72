// Package keys builds Redis keys.
package keys

const workspacePrefix = "ws:"

// MemoryCount is the runtime's cached memory counter for an org.
func MemoryCount(org string) string {
	return "mem:" + org + ":count"
}

// Workspaces matches every workspace key.
func Workspaces() string {
	return workspacePrefix + "*"
}

// Quota is the control plane's own quota key.
func Quota(org string) string {
	return "quota:" + org
}
