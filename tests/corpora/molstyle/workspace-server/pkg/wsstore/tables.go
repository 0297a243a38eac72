// Package wsstore is the workspace-server's data access layer. It is
// exported (pkg/, not internal/) so the canvas BFF and the CLI can share it.
package wsstore

import "fmt"

const (
	tableWorkspaces = "workspaces"
	tableMemories   = "agent_memories"
	tableActivity   = "activity_logs"
	tableSchedules  = "workspace_schedules"
)

// LivenessKey is the Redis key a workspace's heartbeat refreshes.
func LivenessKey(workspaceID string) string {
	return fmt.Sprintf("ws:%s", workspaceID)
}
