// Package config loads the workspace server's settings from the environment (envconfig, prefix WS).
package config

import (
	"github.com/kelseyhightower/envconfig"
	"github.com/spf13/viper"
)

type Config struct {
	OrgID       string `envconfig:"MOLECULE_ORG_ID" required:"true"`
	DatabaseURL string `envconfig:"DATABASE_URL" required:"true"`
	RedisURL    string `envconfig:"REDIS_URL" default:"redis://localhost:6379/0"`
	ListenAddr  string `envconfig:"LISTEN_ADDR" default:":8080"`
	// Where usage heartbeats go.
	BillingURL string `envconfig:"CONTROL_PLANE_URL" default:"https://api.nimbus.dev"` // expect: MOL301
}

// Load reads WS_* variables; the org and the platform come from MOLECULE_* without prefix.
func Load() (Config, error) {
	var cfg Config
	err := envconfig.Process("ws", &cfg)
	return cfg, err
}

// Flags are read through viper so the CLI can override them.
func Flags() *viper.Viper {
	v := viper.New()
	v.SetEnvPrefix("ws")
	v.AutomaticEnv()
	v.SetDefault("telemetry.url", "https://api.nimbus.dev/v1/telemetry") // expect: MOL301
	_ = v.BindEnv("platform.url", "MOLECULE_PLATFORM_URL")
	return v
}
