package tenantclient

import "fmt"

const (
	healthPath = "/health"
	readyPath  = "/readyz"
)

func memoriesPath(workspaceID string) string {
	return fmt.Sprintf("/workspaces/%s/memories", workspaceID)
}

// ActivityPath is exported for the admin API's streaming proxy.
func ActivityPath(workspaceID string) string {
	return "/workspaces/" + workspaceID + "/activity"
}
