// Package postgres adapts ports to the reporting replica.
package postgres

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/lattice/libs/tables"
	"github.com/acme/lattice/platform/internal/ports"
)

type MemoryCounter struct {
	pool *pgxpool.Pool
}

func NewMemoryCounter(pool *pgxpool.Pool) ports.MemoryCounter { return &MemoryCounter{pool: pool} }

func (m *MemoryCounter) CountMemories(ctx context.Context, orgID string) (int64, error) {
	q, args, err := sq.Select("count(*)").From(tables.AgentMemories).
		Where(sq.Eq{"org_id": orgID}).PlaceholderFormat(sq.Dollar).ToSql()
	if err != nil {
		return 0, err
	}
	var n int64
	err = m.pool.QueryRow(ctx, q, args...).Scan(&n)
	return n, err
}
