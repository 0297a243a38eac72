package config

// Environment variable names the control plane reads. Railway injects the
// CP_* ones; the rest are set per environment in the dashboard.
const (
	EnvDatabaseURL  = "CP_DATABASE_URL"
	EnvRedisURL     = "CP_REDIS_URL"
	EnvAnalyticsURL = "CP_ANALYTICS_URL"
	EnvAWSRegion    = "AWS_REGION"
	EnvHostedZone   = "ROUTE53_ZONE_ID"
	EnvTenantToken  = "CP_TENANT_ADMIN_TOKEN"
	// The support bastion points this at the org being debugged — same
	// name the tenant's own server reads, so runbooks can be copy-pasted.
	EnvSupportDB = "DATABASE_URL"
)
