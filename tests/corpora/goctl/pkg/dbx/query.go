// Package dbx holds small generic helpers over database/sql.
package dbx

import (
	"context"
	"database/sql"
	"fmt"
)

// Scanner is what a row type implements to read itself.
type Scanner interface {
	ScanFrom(rows *sql.Rows) error
}

// QueryAll runs q and scans every row into a new T.
func QueryAll[T any, PT interface {
	*T
	Scanner
}](ctx context.Context, db *sql.DB, q string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("dbx: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := PT(&v).ScanFrom(rows); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// CountRows counts a table's rows; callers pass one of the schema constants.
func CountRows(ctx context.Context, db *sql.DB, table string) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n, err
}
