// Package config is the control plane's settings, read once at start-up with envconfig (prefix CP).
package config

import "github.com/kelseyhightower/envconfig"

type Config struct {
	ListenAddr  string `split_words:"true" default:":9000"`
	DatabaseURL string `split_words:"true" required:"true"`
	RedisAddr   string `split_words:"true" default:"cp-redis:6379"`

	Workspace WorkspaceConfig
	Fleet     FleetConfig
}

// WorkspaceConfig: how the control plane reaches the workspace servers it provisions.
type WorkspaceConfig struct {
	APIURL     string `envconfig:"WORKSPACE_API_URL" default:"http://workspace-api:8080"`
	AdminToken string `split_words:"true"`
	// Presence indexes are warmed straight in the workspace Redis.
	RedisAddr string `envconfig:"WORKSPACE_REDIS_ADDR"` // expect: MOL102
}

type FleetConfig struct {
	Concurrency int `default:"8"`
}

func Load() (*Config, error) {
	var c Config
	if err := envconfig.Process("cp", &c); err != nil {
		return nil, err
	}
	return &c, nil
}
