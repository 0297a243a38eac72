package main

import (
	"context"
	"database/sql"
	"log"
	"log/slog"
	"net/http"
	"os"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/labstack/echo/v4"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/lumenhq/fleet/controlplane/internal/billing"
	"github.com/lumenhq/fleet/controlplane/internal/config"
	"github.com/lumenhq/fleet/controlplane/internal/dns"
	"github.com/lumenhq/fleet/controlplane/internal/fleet"
	"github.com/lumenhq/fleet/controlplane/internal/orgs"
	"github.com/lumenhq/fleet/controlplane/internal/reports"
	"github.com/lumenhq/fleet/controlplane/internal/wsclient"
	"github.com/lumenhq/fleet/pkg/entdb"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	bdb := bun.NewDB(db, pgdialect.New())
	ent := entdb.NewClient(entsql.OpenDB(dialect.Postgres, db))

	orgRepo := orgs.NewRepo(db)
	ws := wsclient.New(cfg.Workspace, http.DefaultClient)
	usage := billing.NewUsageRepo(db, logger)
	reporter := fleet.NewReporter(db, orgRepo, ws, usage, cfg.Fleet.Concurrency, logger)
	engagement := reports.NewEngagement(bdb, ent)
	zones := dns.NewZoneRepo(db)

	e := echo.New()
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.GET("/admin/fleet/weekly", func(c echo.Context) error {
		s, err := reporter.Weekly(c.Request().Context())
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, s)
	})
	e.GET("/admin/dns/zones", func(c echo.Context) error {
		n, err := zones.Provisioned(c.Request().Context())
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]int64{"zones": n})
	})
	e.GET("/admin/revenue", func(c echo.Context) error {
		out, err := engagement.ActiveOrgs(context.Background())
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, out)
	})
	log.Fatal(e.Start(cfg.ListenAddr))
}
