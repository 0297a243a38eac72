// Package tenancy keeps one connection pool per org database (the "shared workspace host" mode).
package tenancy

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Pools struct {
	mu          sync.Mutex
	pools       map[string]*pgxpool.Pool
	dsnTemplate string // postgres://ws:ws@db:5432/org_%s
}

func NewPools(dsnTemplate string) *Pools {
	return &Pools{pools: map[string]*pgxpool.Pool{}, dsnTemplate: dsnTemplate}
}

// For returns the pool of the org's database, opening it on first use.
func (p *Pools) For(ctx context.Context, orgID string) (*pgxpool.Pool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pool, ok := p.pools[orgID]; ok {
		return pool, nil
	}
	pool, err := pgxpool.New(ctx, fmt.Sprintf(p.dsnTemplate, orgID))
	if err != nil {
		return nil, err
	}
	p.pools[orgID] = pool
	return pool, nil
}
