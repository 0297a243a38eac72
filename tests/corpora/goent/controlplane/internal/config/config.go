// Package config loads the control plane's settings (caarlos0/env).
package config

import "github.com/caarlos0/env/v10"

type Config struct {
	DatabaseURL string `env:"CONTROLPLANE_DATABASE_URL,required"`
	RedisURL    string `env:"CONTROLPLANE_REDIS_URL" envDefault:"redis://localhost:6379/1"`
	HTTPAddr    string `env:"HTTP_ADDR" envDefault:":8000"`
	// Read-only replica of a workspace database, for the fleet dashboard.
	WorkspaceDatabaseURL string `env:"WORKSPACE_DATABASE_URL"` // expect: MOL102
	Fleet                FleetConfig `envPrefix:"WORKSPACE_"`
}

// FleetConfig addresses the workspace servers.
type FleetConfig struct {
	ServerURL string `env:"SERVER_URL" envDefault:"http://workspace:8080"`
	RedisURL  string `env:"REDIS_URL"` // expect: MOL102
}

func Load() (Config, error) {
	var cfg Config
	err := env.Parse(&cfg)
	return cfg, err
}
