// Package config reads the memory agent's settings from the host's tenant.env.
package config

import "github.com/kelseyhightower/envconfig"

type Config struct {
	OrgID       string `envconfig:"MOLECULE_ORG_ID" required:"true"`
	PlatformURL string `envconfig:"MOLECULE_PLATFORM_URL" default:"https://api.molecule.cloud"` // expect: MOL301
	DatabaseURL string `envconfig:"DATABASE_URL" default:"postgres://memagent@127.0.0.1:5432/memagent"`
	ListenAddr  string `envconfig:"LISTEN_ADDR" default:":7070"`
	// DSNTemplate is used by the multi-org dev mode: one database per org on one Postgres.
	DSNTemplate string `envconfig:"DSN_TEMPLATE" default:"postgres://memagent@127.0.0.1:5432/mem_%s"`
}

func Load() (Config, error) {
	var c Config
	err := envconfig.Process("", &c)
	return c, err
}
