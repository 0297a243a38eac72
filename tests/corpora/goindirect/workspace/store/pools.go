package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/workspace/internal/tenancy"
)

// dsnPattern names one database per org on the shared workspace cluster.
const dsnPattern = "postgres://workspace@workspace-db:5432/ws_%s"

type Pools struct {
	mu    sync.Mutex
	pools map[string]*pgxpool.Pool
}

func NewPools() *Pools { return &Pools{pools: map[string]*pgxpool.Pool{}} }

// For is the pool of the org the request came for.
func (p *Pools) For(ctx context.Context) (*pgxpool.Pool, error) {
	org := tenancy.OrgFrom(ctx)
	p.mu.Lock()
	defer p.mu.Unlock()
	if pool, ok := p.pools[org]; ok { // expect: MOL302
		return pool, nil
	}
	pool, err := pgxpool.New(ctx, fmt.Sprintf(dsnPattern, org)) // expect: MOL302
	if err != nil {
		return nil, err
	}
	p.pools[org] = pool
	return pool, nil
}
