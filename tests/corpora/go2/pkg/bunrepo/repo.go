// Package bunrepo is a generic repository over any bun model.
package bunrepo

import (
	"context"

	"github.com/uptrace/bun"
)

type Repo[T any] struct {
	DB *bun.DB
}

func New[T any](db *bun.DB) *Repo[T] {
	return &Repo[T]{DB: db}
}

// Count counts every row of T's table.
func (r *Repo[T]) Count(ctx context.Context) (int, error) {
	return r.DB.NewSelect().Model((*T)(nil)).Count(ctx)
}

// ByID loads one row by primary key.
func (r *Repo[T]) ByID(ctx context.Context, id int64) (*T, error) {
	row := new(T)
	err := r.DB.NewSelect().Model(row).Where("id = ?", id).Scan(ctx)
	return row, err
}
