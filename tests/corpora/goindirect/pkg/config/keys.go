package config

// Names of the environment variables the services read.
const (
	EnvDatabaseURL    = "DATABASE_URL"
	EnvWorkspaceDB    = "WORKSPACE_DATABASE_URL"
	EnvWorkspaceRedis = "WORKSPACE_REDIS_ADDR"
	EnvControlPlane   = "ORBIT_API_URL"
	EnvOrgID          = "MOLECULE_ORG_ID"
	EnvPlatformURL    = "MOLECULE_PLATFORM_URL"
)
