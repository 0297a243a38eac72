// Package config loads the control plane's settings from the environment.
package config

import "os"

type Config struct {
	DatabaseURL      string
	QuotaAddr        string
	NatsURL          string
	WorkspaceURL     string
	MemoryPluginAddr string
	CacheURL         string
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func Load() Config {
	return Config{
		DatabaseURL:      getenv("CONTROLPLANE_DATABASE_URL", "postgres://controlplane@platform-db:5432/controlplane"),
		QuotaAddr:        getenv("MEMORY_QUOTA_GRPC_ADDR", "localhost:9443"),
		NatsURL:          getenv("NATS_URL", "nats://nats:4222"),
		WorkspaceURL:     getenv("WORKSPACE_URL", "http://workspace:8080"),
		MemoryPluginAddr: getenv("MEMORY_PLUGIN_ADDR", "memory-plugin:9090"), // expect: MOL102
		CacheURL:         os.Getenv("WORKSPACE_REDIS_URL"), // expect: MOL102
	}
}
