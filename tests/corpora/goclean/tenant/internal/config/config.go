// Package config is the runtime's configuration (envconfig, prefix RUNTIME).
package config

import (
	"os"

	"github.com/kelseyhightower/envconfig"
)

type Config struct {
	Addr        string `envconfig:"ADDR" default:":8080"`
	DatabaseURL string `envconfig:"TENANT_DB_URL" required:"true"`
	RedisURL    string `envconfig:"TENANT_REDIS_URL"`
	// PlatformAPIURL is where invoice lines go; ops set it per region.
	PlatformAPIURL string `envconfig:"PLATFORM_API_URL"`
}

// Identity is who this host is; it comes only from the MOLECULE_* variables.
type Identity struct {
	OrgID       string
	PlatformURL string
}

func Load() (Config, error) {
	var c Config
	err := envconfig.Process("runtime", &c)
	return c, err
}

func LoadIdentity() Identity {
	return Identity{OrgID: os.Getenv("MOLECULE_ORG_ID"), PlatformURL: os.Getenv("MOLECULE_PLATFORM_URL")}
}
