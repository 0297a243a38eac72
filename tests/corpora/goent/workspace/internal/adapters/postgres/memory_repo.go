// Package postgres implements the workspace's ports on ent and sqlc.
package postgres

import (
	"context"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nimbus/fleet/workspace/db"
	"github.com/nimbus/fleet/workspace/ent"
	"github.com/nimbus/fleet/workspace/ent/memory"
	"github.com/nimbus/fleet/workspace/internal/config"
)

// MemoryRepo serves this tenant's memories; every query is scoped to the tenant's own org.
type MemoryRepo struct {
	client *ent.Client
	q      *db.Queries
	org    uuid.UUID
}

func NewMemoryRepo(cfg config.Config, client *ent.Client, pool *pgxpool.Pool) *MemoryRepo {
	return &MemoryRepo{client: client, q: db.New(pool), org: uuid.MustParse(cfg.OrgID)}
}

func (r *MemoryRepo) Count(ctx context.Context) (int, error) {
	return r.client.Memory.Query().Where(memory.OrgID(r.org)).Count(ctx)
}

func (r *MemoryRepo) CountSQL(ctx context.Context) (int64, error) {
	return r.q.CountMemoriesForOrg(ctx, r.org)
}

// OpenClient opens the tenant's own database from its config.
func OpenClient(cfg config.Config) (*ent.Client, error) {
	return ent.Open("postgres", cfg.DatabaseURL)
}
