// Package config loads fleet's settings: config.yaml, then FLEET_* environment variables.
package config

import (
	"strings"

	"github.com/spf13/viper"
)

type Database struct {
	URL      string `mapstructure:"url"`
	MaxConns int32  `mapstructure:"max_conns"`
}

type Config struct {
	Database  Database `mapstructure:"database"`
	Temporal  struct {
		HostPort  string `mapstructure:"host_port"`
		Namespace string `mapstructure:"namespace"`
	} `mapstructure:"temporal"`
	Workspace struct {
		Scheme string `mapstructure:"scheme"`
		Domain string `mapstructure:"domain"`
	} `mapstructure:"workspace"`
	Redis struct {
		Addr string `mapstructure:"addr"`
	} `mapstructure:"redis"`
}

const envTenantDB = "TENANT_DATABASE_URL"

// Load reads config.yaml and the environment into a Config.
func Load(path string) (*Config, error) {
	v := viper.New()
	v.SetConfigFile(path)
	v.SetEnvPrefix("FLEET")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	v.SetDefault("database.max_conns", 8)
	v.SetDefault("workspace.scheme", "https")
	_ = v.BindEnv("database.url", "PLATFORM_DATABASE_URL")
	_ = v.BindEnv("tenant.database_url", envTenantDB) // expect: MOL102
	if err := v.ReadInConfig(); err != nil {
		return nil, err
	}
	var cfg Config
	if err := v.Unmarshal(&cfg); err != nil {
		return nil, err
	}
	return &cfg, nil
}
