package config

import "github.com/lattice/hive/pkg/konfig"

type Config struct {
	HTTP     HTTPConfig     `koanf:"http"`
	Database DatabaseConfig `koanf:"database"`
	Redis    RedisConfig    `koanf:"redis"`
	Temporal TemporalConfig `koanf:"temporal"`
	Fleet    FleetConfig    `koanf:"fleet"`
}

type HTTPConfig struct {
	Addr string `koanf:"addr"`
}

type DatabaseConfig struct {
	DSN string `koanf:"dsn"`
}

type RedisConfig struct {
	Addr string `koanf:"addr"`
}

type TemporalConfig struct {
	Host      string `koanf:"host"`
	Namespace string `koanf:"namespace"`
}

type FleetConfig struct {
	WorkspaceURL string `koanf:"workspace_url"`
	ReportCron   string `koanf:"report_cron"`
}

// Load reads config.yaml, then CP_* env vars (CP_FLEET__WORKSPACE_URL -> fleet.workspace_url).
func Load(path string) (*Config, error) {
	var cfg Config
	if _, err := konfig.Load(path, "CP_", &cfg); err != nil {
		return nil, err
	}
	return &cfg, nil
}
