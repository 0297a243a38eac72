// Package envkeys names every environment variable the services read, so a typo fails to compile.
package envkeys

const (
	// Workspace (tenant host)
	WorkspaceDSN   = "WORKSPACE_DATABASE_URL"
	WorkspaceRedis = "WORKSPACE_REDIS_URL"
	OrgID          = "MOLECULE_ORG_ID"
	PlatformURL    = "MOLECULE_PLATFORM_URL"

	// Control plane
	ControlPlaneDSN = "CONTROLPLANE_DATABASE_URL"
	ControlPlaneURL = "CONTROLPLANE_URL"
	TemporalHost    = "TEMPORAL_HOST"
	AsynqRedis      = "ASYNQ_REDIS_ADDR"
)
