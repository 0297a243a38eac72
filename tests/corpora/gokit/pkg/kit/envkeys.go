package kit

// Environment variable names read by the services.
const (
	EnvWorkspaceDSN   = "WORKSPACE_DB_DSN"
	EnvWorkspaceRedis = "WORKSPACE_REDIS_ADDR"
	EnvPlatformURL    = "MOLECULE_PLATFORM_URL"
	EnvOrgID          = "MOLECULE_ORG_ID"
	EnvControlPlaneDB = "CONTROLPLANE_DATABASE_URL"
)
