// Package pgrepo is a small generic repository over pgx.
package pgrepo

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Tabler is a row type that knows its table.
type Tabler interface {
	TableName() string
}

type Repo[T Tabler] struct {
	pool *pgxpool.Pool
}

func New[T Tabler](pool *pgxpool.Pool) *Repo[T] {
	return &Repo[T]{pool: pool}
}

func (r *Repo[T]) table() string {
	var zero T
	return zero.TableName()
}

// Count counts every row of T's table.
func (r *Repo[T]) Count(ctx context.Context) (int64, error) {
	var n int64
	err := r.pool.QueryRow(ctx, "SELECT count(*) FROM "+r.table()).Scan(&n)
	return n, err
}
