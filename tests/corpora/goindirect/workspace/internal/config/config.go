// Package config is the workspace server's settings.
package config

import "github.com/kelseyhightower/envconfig"

type Config struct {
	OrgID       string `envconfig:"MOLECULE_ORG_ID" required:"true"`
	PlatformURL string `envconfig:"MOLECULE_PLATFORM_URL" required:"true"`
	DatabaseURL string `envconfig:"WORKSPACE_DATABASE_URL" default:"postgres://workspace@localhost:5432/workspace"`
	RedisAddr   string `envconfig:"WORKSPACE_REDIS_ADDR" default:"localhost:6379"`
	Listen      string `envconfig:"LISTEN_ADDR" default:":8080"`
}

func Load() (*Config, error) {
	var c Config
	if err := envconfig.Process("", &c); err != nil {
		return nil, err
	}
	return &c, nil
}
