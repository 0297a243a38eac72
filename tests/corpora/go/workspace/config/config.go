// Package config loads the workspace server's settings from the environment (caarlos0/env).
package config

import (
	"github.com/caarlos0/env/v10"
)

type Config struct {
	OrgID       string `env:"MOLECULE_ORG_ID,required"`
	PlatformURL string `env:"MOLECULE_PLATFORM_URL" envDefault:"https://api.molecule.dev"` // expect: MOL301
	DatabaseURL string `env:"DATABASE_URL" envDefault:"postgres://workspace:workspace@localhost:5432/workspace"`
	RedisURL    string `env:"REDIS_URL" envDefault:"redis://localhost:6379/0"`
	Listen      string `env:"LISTEN_ADDR" envDefault:":8080"`
}

func Load() (Config, error) {
	var cfg Config
	err := env.Parse(&cfg)
	return cfg, err
}
