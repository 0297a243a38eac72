// Package config loads the control plane's settings: flags first, then the environment.
package config

import (
	"flag"
	"os"
)

type Config struct {
	Listen       string
	DatabaseURL  string
	RedisURL     string
	TenantDSN    string
	MemoryPlugin string
	ArchiveTable string
	RuntimePort  int
}

func Load(args []string) (*Config, error) {
	c := &Config{}
	fs := flag.NewFlagSet("control", flag.ContinueOnError)
	fs.StringVar(&c.Listen, "listen", ":9000", "address to serve on")
	fs.StringVar(&c.ArchiveTable, "archive-table", "activity_events", "table the retention job trims")
	fs.IntVar(&c.RuntimePort, "runtime-port", 8080, "port runtimes listen on")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if v, ok := os.LookupEnv(envDatabase); ok {
		c.DatabaseURL = v
	}
	if v, ok := os.LookupEnv(envRedis); ok {
		c.RedisURL = v
	}
	if v, ok := os.LookupEnv("TENANT_DATABASE_URL"); ok { // expect: MOL102
		c.TenantDSN = v
	}
	c.MemoryPlugin = os.Getenv(envMemoryPlugin) // expect: MOL102
	return c, nil
}
