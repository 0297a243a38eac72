// Package store is the workspace server's data access.
package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/tables"
)

type MemoryRepo struct {
	pool  *pgxpool.Pool
	orgID string
}

func NewMemoryRepo(pool *pgxpool.Pool, orgID string) *MemoryRepo {
	return &MemoryRepo{pool: pool, orgID: orgID}
}

// Count is the number of memories of this workspace server's org.
func (r *MemoryRepo) Count(ctx context.Context) (int64, error) {
	var n int64
	err := r.pool.QueryRow(ctx, "SELECT count(*) FROM "+tables.Memories+" WHERE org_id = $1", r.orgID).Scan(&n)
	return n, err
}

// PerWorkspace counts the org's memories by workspace: the tenant reporting on its own org.
func (r *MemoryRepo) PerWorkspace(ctx context.Context) (map[string]int64, error) {
	rows, err := r.pool.Query(ctx, "SELECT workspace_id, count(*) FROM "+tables.Memories+" GROUP BY workspace_id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var ws string
		var n int64
		if err := rows.Scan(&ws, &n); err != nil {
			return nil, err
		}
		out[ws] = n
	}
	return out, rows.Err()
}
