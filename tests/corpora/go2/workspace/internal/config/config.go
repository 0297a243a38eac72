// Package config reads the workspace server's settings from the environment (envconfig, prefix WS).
package config

import "github.com/kelseyhightower/envconfig"

type Config struct {
	// Who we are and where the platform is: the only two things a tenant learns from outside.
	OrgID       string `envconfig:"MOLECULE_ORG_ID" required:"true"`
	PlatformURL string `envconfig:"MOLECULE_PLATFORM_URL" required:"true"`

	ListenAddr  string `split_words:"true" default:":8080"`
	DatabaseURL string `envconfig:"WORKSPACE_DATABASE_URL" required:"true"`
	RedisAddr   string `envconfig:"WORKSPACE_REDIS_ADDR" default:"redis:6379"`

	Usage UsageConfig
}

// UsageConfig: where metered usage is reported.
type UsageConfig struct {
	ReportURL string `envconfig:"CONTROLPLANE_URL" default:"https://api.lumen.dev"` // expect: MOL301
	Interval  string `default:"5m"`
}

func Load() (Config, error) {
	var c Config
	err := envconfig.Process("ws", &c)
	return c, err
}
