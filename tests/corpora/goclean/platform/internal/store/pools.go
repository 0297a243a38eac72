// Package store opens the control plane's database handles.
package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/acme/lattice/platform/internal/config"
)

// OpenControl opens the control plane's own database.
func OpenControl(cfg config.Config) (*sqlx.DB, error) {
	return sqlx.Connect("pgx", cfg.DatabaseURL)
}

func reportingDSN(cfg config.Config) string {
	return cfg.Reporting.DatabaseURL
}

func withAppName(dsn string) string {
	return dsn + "?application_name=controlplane-reporting"
}

// OpenReporting opens the read replica the fleet report runs on.
func OpenReporting(ctx context.Context, cfg config.Config) (*pgxpool.Pool, error) {
	dsn := withAppName(reportingDSN(cfg))
	return pgxpool.New(ctx, dsn)
}
