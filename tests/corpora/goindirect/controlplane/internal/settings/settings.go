// Package settings is fleetd's configuration, read once from the environment.
package settings

import (
	"time"

	"github.com/kelseyhightower/envconfig"
)

type Settings struct {
	DatabaseURL   string        `envconfig:"DATABASE_URL" required:"true"`
	WorkspaceDSN  string        `envconfig:"WORKSPACE_DATABASE_URL"` // expect: MOL102
	RedisAddr     string        `envconfig:"REDIS_ADDR" default:"platform-redis:6379"`
	StripeBaseURL string        `envconfig:"STRIPE_BASE_URL" default:"https://api.stripe.com"`
	Interval      time.Duration `envconfig:"COLLECT_INTERVAL" default:"15m"`
}

func Load() (*Settings, error) {
	var s Settings
	err := envconfig.Process("fleetd", &s)
	return &s, err
}
