// Package goconfig: a config struct filled from the environment (caarlos0/env tags, os.Getenv).
package goconfig

import "os"

type Config struct {
	TenantDB   string `env:"TENANT_DATABASE_URL"`
	PlatformDB string `env:"PLATFORM_DATABASE_URL"`
}

type Redis struct {
	Addr string
}

// RedisFrom reads the address from the variable it is given.
func RedisFrom(name string) Redis {
	return Redis{Addr: os.Getenv(name)}
}
