// Package sqlutil holds the few SQL helpers both services share.
package sqlutil

import (
	"context"
	"database/sql"
	"time"
)

// CountSince counts rows of `table` created at or after `since`.
func CountSince(ctx context.Context, db *sql.DB, table string, since time.Time) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE created_at >= $1", since).Scan(&n)
	return n, err
}

// Exists reports whether any row of `table` matches id.
func Exists(ctx context.Context, db *sql.DB, table, id string) (bool, error) {
	var ok bool
	err := db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+table+" WHERE id = $1)", id).Scan(&ok)
	return ok, err
}
