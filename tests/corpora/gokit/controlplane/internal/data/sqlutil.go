package data

import (
	"context"
	"database/sql"
)

// countRows counts a whole table; used for the control plane's own ledgers.
func countRows(ctx context.Context, db *sql.DB, table string) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n, err
}

func scanUsage(rows *sql.Rows) ([]orgCount, error) {
	defer rows.Close()
	var out []orgCount
	for rows.Next() {
		var c orgCount
		if err := rows.Scan(&c.org, &c.n); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

type orgCount struct {
	org string
	n   int64
}
