package main

import (
	"context"
	"net"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/nimbus/fleet/controlplane/internal/adapters/postgres"
	"github.com/nimbus/fleet/controlplane/internal/adapters/tenantcache"
	"github.com/nimbus/fleet/controlplane/internal/adapters/tenantdb"
	"github.com/nimbus/fleet/controlplane/internal/adapters/workspaceapi"
	adminhttp "github.com/nimbus/fleet/controlplane/internal/adapters/http"
	"github.com/nimbus/fleet/controlplane/internal/config"
	"github.com/nimbus/fleet/controlplane/internal/core/ports"
	"github.com/nimbus/fleet/controlplane/internal/core/services"
	"go.uber.org/fx"
)

func newPool(lc fx.Lifecycle, cfg config.Config) (*pgxpool.Pool, error) {
	pool, err := pgxpool.New(context.Background(), cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	lc.Append(fx.StopHook(pool.Close))
	return pool, nil
}

func newServer(lc fx.Lifecycle, cfg config.Config, admin *adminhttp.Admin) *echo.Echo {
	e := echo.New()
	admin.Register(e)
	lc.Append(fx.Hook{
		OnStart: func(ctx context.Context) error {
			ln, err := net.Listen("tcp", cfg.HTTPAddr)
			if err != nil {
				return err
			}
			go http.Serve(ln, e)
			return nil
		},
	})
	return e
}

func main() {
	fx.New(
		fx.Provide(
			config.Load,
			newPool,
			postgres.NewDB,
			postgres.NewBillingStore,
			postgres.NewUsageRepo,
			fx.Annotate(postgres.NewOrgRepo, fx.As(new(ports.OrgRepository))),
			fx.Annotate(tenantdb.NewStatsAdapter, fx.As(new(ports.WorkspaceStats))),
			fx.Annotate(workspaceapi.NewFeed, fx.As(new(ports.ActivityFeed))),
			tenantcache.NewWorkspaceCache,
			tenantcache.NewBillingLocks,
			services.NewFleetReport,
			adminhttp.NewAdmin,
			newServer,
		),
		fx.Invoke(func(*echo.Echo) {}),
	).Run()
}
