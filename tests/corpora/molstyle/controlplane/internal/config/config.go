// Package config loads the control plane's settings once at boot.
package config

import (
	"time"

	"github.com/Molecule-AI/molecule-pkg/envx"
)

type Config struct {
	DatabaseURL      string
	RedisURL         string
	AnalyticsURL     string
	AWSRegion        string
	HostedZoneID     string
	TenantAdminToken string
	SupportDSN       string
	ReportEvery      time.Duration
	Workers          int
}

func Load() Config {
	return Config{
		DatabaseURL:      envx.MustString(EnvDatabaseURL),
		RedisURL:         envx.String(EnvRedisURL, "redis://localhost:6379/1"),
		AnalyticsURL:     envx.String(EnvAnalyticsURL, ""),
		AWSRegion:        envx.String(EnvAWSRegion, "us-east-2"),
		HostedZoneID:     envx.String(EnvHostedZone, ""),
		TenantAdminToken: envx.String(EnvTenantToken, ""),
		SupportDSN:       envx.String(EnvSupportDB, ""), // expect: MOL102
		ReportEvery:      envx.Duration("CP_REPORT_EVERY", 24*time.Hour),
		Workers:          envx.Int("CP_WORKERS", 4),
	}
}
