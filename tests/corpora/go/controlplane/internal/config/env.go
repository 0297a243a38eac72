package config

// Names of variables read outside Load, by jobs that run without the API's config.
const (
	TenantRedisEnv   = "TENANT_REDIS_URL"
	PlatformRedisEnv = "PLATFORM_REDIS_URL"
)
