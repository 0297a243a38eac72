// Package keys builds the Redis keys the workspace server caches under.
package keys

import "fmt"

const memPrefix = "mem:"

// MemoryCount is the cached number of memories of a workspace.
func MemoryCount(workspaceID string) string {
	return fmt.Sprintf("%s%s:count", memPrefix, workspaceID)
}
