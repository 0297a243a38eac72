// Package db opens the workspace's Postgres pools.
package db

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Pools keeps one pool per org database (enterprise installs used to share a host).
type Pools struct {
	mu          sync.Mutex
	dsnTemplate string
	byOrg       map[string]*pgxpool.Pool
}

func NewPools(dsnTemplate string) *Pools {
	return &Pools{dsnTemplate: dsnTemplate, byOrg: map[string]*pgxpool.Pool{}}
}

func (p *Pools) For(ctx context.Context, orgID string) (*pgxpool.Pool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pool, ok := p.byOrg[orgID]; ok {
		return pool, nil
	}
	pool, err := pgxpool.New(ctx, fmt.Sprintf(p.dsnTemplate, orgID))
	if err != nil {
		return nil, err
	}
	p.byOrg[orgID] = pool
	return pool, nil
}

// SchemaFor is the search_path of an org's schema.
func SchemaFor(orgID string) string {
	return "org_" + strings.ReplaceAll(orgID, "-", "_")
}
