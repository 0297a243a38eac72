// Package store is the workspace server's data layer.
package store

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Default opens the pool for this tenant's own database.
func Default(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, os.Getenv("WORKSPACE_DATABASE_URL"))
}

var (
	mu    sync.Mutex
	pools = map[string]*pgxpool.Pool{}
)

// ForOrg returns the pool of an org's schema, opening it on first use.
func ForOrg(ctx context.Context, orgID string) (*pgxpool.Pool, error) {
	mu.Lock()
	defer mu.Unlock()
	if p, ok := pools[orgID]; ok {
		return p, nil
	}
	dsn := fmt.Sprintf("%s?search_path=org_%s", os.Getenv("WORKSPACE_DATABASE_URL"), orgID)
	p, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	pools[orgID] = p
	return p, nil
}

type Memories struct {
	pool *pgxpool.Pool
}

func NewMemories(pool *pgxpool.Pool) *Memories { return &Memories{pool: pool} }

// Count counts this org's memories (the tenant aggregating its own data).
func (m *Memories) Count(ctx context.Context, orgID string) (int64, error) {
	var n int64
	err := m.pool.QueryRow(ctx, `SELECT count(*) FROM memories WHERE org_id = $1`, orgID).Scan(&n)
	return n, err
}
