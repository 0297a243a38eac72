package config

// Environment variables the control plane reads.
const (
	envDatabase     = "CONTROL_DATABASE_URL"
	envMemoryPlugin = "MEMORY_PLUGIN_URL"
	envRedis        = "CONTROL_REDIS_URL"
)
