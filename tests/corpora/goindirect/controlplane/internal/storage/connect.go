// Package storage opens fleetd's connections.
package storage

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/controlplane/internal/settings"
	"github.com/orbitlabs/orbit/pkg/config"
)

// Platform is the control plane's own database.
func Platform(ctx context.Context, s *settings.Settings) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, s.DatabaseURL)
}

// Workspaces opens the workspace cluster for the reconciliation reports.
func Workspaces(ctx context.Context, s *settings.Settings) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, s.WorkspaceDSN) // expect: MOL102
}

// Legacy is the database/sql handle the older jobs still use.
func Legacy() (*sql.DB, error) {
	return sql.Open("pgx", config.Getenv(config.EnvDatabaseURL, "postgres://fleetd@platform-db:5432/fleet"))
}

// WorkspaceLegacy is the database/sql handle of the workspace cluster.
func WorkspaceLegacy() (*sql.DB, error) {
	dsn := config.Getenv(config.EnvWorkspaceDB, "") // expect: MOL102
	return sql.Open("pgx", dsn) // expect: MOL102
}
