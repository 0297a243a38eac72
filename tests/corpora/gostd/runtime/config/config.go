// Package config loads the runtime's settings from flags and the environment.
package config

import (
	"errors"
	"flag"
	"os"
)

const defaultControlPlane = "https://control.tally.dev" // expect: MOL301

type Config struct {
	OrgID       string
	PlatformURL string
	ControlURL  string
	DatabaseURL string
	DSNTemplate string
	Listen      string
}

func Load(args []string) (*Config, error) {
	c := &Config{}
	fs := flag.NewFlagSet("runtime", flag.ContinueOnError)
	fs.StringVar(&c.Listen, "listen", ":8080", "address to serve on")
	fs.StringVar(&c.PlatformURL, "platform-url", "https://control.tally.dev", "control plane base URL") // expect: MOL301
	fs.StringVar(&c.DSNTemplate, "dsn-template", "postgres://runtime@localhost:5432/org_%s", "per-org database")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if v, ok := os.LookupEnv("MOLECULE_ORG_ID"); ok {
		c.OrgID = v
	}
	if v, ok := os.LookupEnv("MOLECULE_PLATFORM_URL"); ok {
		c.PlatformURL = v
	}
	if v, ok := os.LookupEnv("CONTROL_URL"); ok { // expect: MOL301
		c.ControlURL = v
	}
	if v, ok := os.LookupEnv("DATABASE_URL"); ok {
		c.DatabaseURL = v
	}
	if c.OrgID == "" {
		return nil, errors.New("MOLECULE_ORG_ID is required")
	}
	return c, nil
}

// Fallback is used when neither flag nor env named the control plane.
func (c *Config) Fallback() string {
	if c.PlatformURL == "" {
		return defaultControlPlane
	}
	return c.PlatformURL
}
