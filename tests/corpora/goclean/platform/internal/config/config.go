// Package config is the control plane's configuration, read from the environment at start-up.
package config

import "github.com/caarlos0/env/v10"

type Config struct {
	HTTPAddr    string `env:"HTTP_ADDR" envDefault:":8080"`
	DatabaseURL string `env:"DATABASE_URL,required"`
	RedisURL    string `env:"REDIS_URL" envDefault:"redis://localhost:6379/0"`
	NATSURL     string `env:"NATS_URL" envDefault:"nats://localhost:4222"`
	Runtime     RuntimeConfig
	// Reporting reads straight from org hosts for the weekly fleet report.
	Reporting ReportingConfig `envPrefix:"TENANT_"`
}

type RuntimeConfig struct {
	// Template of an org host's runtime API; %s is the org slug.
	URLTemplate string `env:"RUNTIME_URL_TEMPLATE" envDefault:"https://%s.orgs.lattice.dev"`
}

type ReportingConfig struct {
	DatabaseURL string `env:"DB_URL"` // expect: MOL102
	RedisURL    string `env:"REDIS_URL"` // expect: MOL102
}

func Load() (Config, error) {
	var c Config
	err := env.Parse(&c)
	return c, err
}
