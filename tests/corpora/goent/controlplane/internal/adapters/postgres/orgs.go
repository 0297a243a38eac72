// Package postgres implements the control plane's repositories on its own database (bun, pgx).
package postgres

import (
	"context"
	"database/sql"

	"github.com/google/uuid"
	"github.com/nimbus/fleet/controlplane/internal/config"
	"github.com/nimbus/fleet/controlplane/internal/core/ports"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/driver/pgdriver"
)

type orgRow struct {
	bun.BaseModel `bun:"table:orgs,alias:o"`

	ID          uuid.UUID `bun:",pk"`
	Slug        string    `bun:"slug"`
	WorkspaceID string    `bun:"workspace_id"`
}

// NewDB opens the control plane's own database.
func NewDB(cfg config.Config) *bun.DB {
	sqldb := sql.OpenDB(pgdriver.NewConnector(pgdriver.WithDSN(cfg.DatabaseURL)))
	return bun.NewDB(sqldb, pgdialect.New())
}

type OrgRepo struct {
	db *bun.DB
}

func NewOrgRepo(db *bun.DB) *OrgRepo {
	return &OrgRepo{db: db}
}

func (r *OrgRepo) List(ctx context.Context) ([]ports.Org, error) {
	var rows []orgRow
	if err := r.db.NewSelect().Model(&rows).Order("slug").Scan(ctx); err != nil {
		return nil, err
	}
	out := make([]ports.Org, 0, len(rows))
	for _, row := range rows {
		out = append(out, ports.Org{ID: row.ID, Slug: row.Slug, WorkspaceID: row.WorkspaceID})
	}
	return out, nil
}
