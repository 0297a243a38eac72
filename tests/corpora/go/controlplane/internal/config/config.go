// Package config is the control plane's settings (envconfig).
package config

import "github.com/kelseyhightower/envconfig"

type Config struct {
	DatabaseURL  string `envconfig:"DATABASE_URL" required:"true"`
	RedisURL     string `envconfig:"REDIS_URL" default:"redis://platform-redis:6379/0"`
	WorkspaceURL string `envconfig:"WORKSPACE_SERVER_URL" default:"http://workspace-server:8080"`
	// TenantDSN was added for the fleet insights proposal (see fleet/insights.go).
	TenantDSN  string `envconfig:"TENANT_DATABASE_URL"` // expect: MOL102
	StripeKey  string `envconfig:"STRIPE_SECRET_KEY"`
	PublicURL  string `envconfig:"PUBLIC_API_URL" default:"https://api.molecule.dev"`
	DNSZone    string `envconfig:"DNS_ZONE" default:"molecule.dev"`
	MaxWorkers int    `envconfig:"FLEET_WORKERS" default:"8"`
}

func Load() (Config, error) {
	var c Config
	err := envconfig.Process("", &c)
	return c, err
}
