// Package store holds the memory agent's Postgres access.
package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool *pgxpool.Pool
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &Store{pool: pool}, nil
}

// Registry opens one pool per org database (dev mode runs several orgs on one Postgres).
type Registry struct {
	mu          sync.Mutex
	dsnTemplate string
	stores      map[string]*Store
}

func NewRegistry(dsnTemplate string) *Registry {
	return &Registry{dsnTemplate: dsnTemplate, stores: map[string]*Store{}}
}

func (r *Registry) ForOrg(ctx context.Context, orgID string) (*Store, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.stores[orgID]; ok {
		return s, nil
	}
	s, err := Open(ctx, fmt.Sprintf(r.dsnTemplate, orgID))
	if err != nil {
		return nil, err
	}
	r.stores[orgID] = s
	return s, nil
}

func (s *Store) Memories(ctx context.Context, workspaceID string) ([]string, error) {
	rows, err := s.pool.Query(ctx, "SELECT content FROM agent_memories WHERE workspace_id = $1", workspaceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
