// Package app wires the control plane with fx.
package app

import (
	"github.com/redis/go-redis/v9"
	"go.uber.org/fx"

	"github.com/acme/lattice/platform/internal/adapters/postgres"
	"github.com/acme/lattice/platform/internal/billing"
	"github.com/acme/lattice/platform/internal/config"
	"github.com/acme/lattice/platform/internal/fleet"
	"github.com/acme/lattice/platform/internal/httpapi"
	"github.com/acme/lattice/platform/internal/store"
)

func controlRedisURL(c config.Config) string { return c.RedisURL }

func reportingRedisURL(c config.Config) string { return c.Reporting.RedisURL }

func newRedis(url string) (*redis.Client, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opt), nil
}

var Module = fx.Options(
	fx.Provide(
		config.Load,
		store.OpenControl,
		store.OpenReporting,
		fx.Annotate(controlRedisURL, fx.ResultTags(`name:"controlRedisURL"`)),
		fx.Annotate(reportingRedisURL, fx.ResultTags(`name:"reportingRedisURL"`)),
		fx.Annotate(newRedis, fx.ParamTags(`name:"reportingRedisURL"`), fx.ResultTags(`name:"reportingRedis"`)),
		fx.Annotate(billing.NewMemoryCache, fx.ParamTags(`name:"reportingRedis"`)),
		postgres.NewMemoryCounter,
		fleet.NewRuntimeClient,
		fleet.NewReporter,
		httpapi.NewHandlers,
	),
	fx.Invoke(httpapi.Register),
)
