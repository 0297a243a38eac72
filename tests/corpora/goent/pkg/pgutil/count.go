// Package pgutil has small pgx helpers.
package pgutil

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// CountRows counts the rows of a table in the public schema.
func CountRows(ctx context.Context, pool *pgxpool.Pool, table string) (int64, error) {
	var n int64
	ident := pgx.Identifier{"public", table}.Sanitize()
	err := pool.QueryRow(ctx, "SELECT count(*) FROM "+ident).Scan(&n)
	return n, err
}
