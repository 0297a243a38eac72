package kit

import "fmt"

const apiPrefix = "/v1/orgs/"

// MemoriesPath is the workspace route listing an org's memories.
func MemoriesPath(orgID string) string {
	return apiPrefix + orgID + "/memories"
}

// RunsPath is the workspace route listing an org's agent runs.
func RunsPath(orgID string) string {
	return fmt.Sprintf("%s%s/runs", apiPrefix, orgID)
}

// HealthPath is the liveness probe every service serves.
func HealthPath() string {
	return "/healthz"
}
