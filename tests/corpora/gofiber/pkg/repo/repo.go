// Package repo is a tiny generic repository over database/sql: one table per instance.
package repo

import (
	"context"
	"database/sql"
	"fmt"
)

type Repo[T any] struct {
	db    *sql.DB
	table string
}

func NewRepo[T any](db *sql.DB, table string) *Repo[T] {
	return &Repo[T]{db: db, table: table}
}

// CountByOrg counts one org's rows.
func (r *Repo[T]) CountByOrg(ctx context.Context, orgID string) (int64, error) {
	var n int64
	q := fmt.Sprintf("SELECT count(*) FROM %s WHERE org_id = $1", r.table)
	err := r.db.QueryRowContext(ctx, q, orgID).Scan(&n)
	return n, err
}

// CountPerOrg counts the rows of every org.
func (r *Repo[T]) CountPerOrg(ctx context.Context) (map[string]int64, error) {
	rows, err := r.db.QueryContext(ctx, fmt.Sprintf("SELECT org_id, count(*) FROM %s GROUP BY org_id", r.table))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var org string
		var n int64
		if err := rows.Scan(&org, &n); err != nil {
			return nil, err
		}
		out[org] = n
	}
	return out, rows.Err()
}
