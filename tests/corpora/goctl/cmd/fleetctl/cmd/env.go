package cmd

// Environment variables fleetctl reads besides its viper keys.
const (
	tenantDSNEnv = "TENANT_DATABASE_URL"
	slackHookEnv = "FLEET_SLACK_WEBHOOK"
)
