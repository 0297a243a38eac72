// Package config is the workspace-server's settings.
package config

import (
	"github.com/spf13/viper"
)

type Config struct {
	OrgID       string `mapstructure:"org_id"`
	DatabaseURL string `mapstructure:"database_url"`
	RedisAddr   string `mapstructure:"redis_addr"`
	PlatformURL string `mapstructure:"platform_url"`
	Listen      string `mapstructure:"listen"`
}

func Load() (*Config, error) {
	v := viper.New()
	v.SetDefault("listen", ":8080")
	v.SetDefault("platform_url", "https://api.fleet.molecule.dev") // expect: MOL301
	_ = v.BindEnv("org_id", "MOLECULE_ORG_ID")
	_ = v.BindEnv("database_url", "DATABASE_URL")
	_ = v.BindEnv("redis_addr", "REDIS_ADDR")
	_ = v.BindEnv("platform_url", "MOLECULE_PLATFORM_URL")
	var cfg Config
	if err := v.Unmarshal(&cfg); err != nil {
		return nil, err
	}
	return &cfg, nil
}
