// Package keys builds Redis keys; every writer and reader goes through here.
package keys

import "fmt"

const memoryPrefix = "mem"

// Memory is the cache entry of one memory of a workspace.
func Memory(org, id string) string {
	return fmt.Sprintf("%s:%s:%s", memoryPrefix, org, id)
}

// WorkspaceState is the live state hash of a workspace.
func WorkspaceState(org, workspace string) string {
	return fmt.Sprintf("ws:%s:%s:state", org, workspace)
}

// Invoice is the platform's per-org billing cache.
func Invoice(org string) string {
	return fmt.Sprintf("billing:invoice:%s", org)
}
