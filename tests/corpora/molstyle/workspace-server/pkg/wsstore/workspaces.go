package wsstore

import (
	"context"
	"database/sql"
)

// CountActive counts the workspaces that are not removed.
func CountActive(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, selectCount(tableWorkspaces)+" WHERE status <> 'removed'").Scan(&n)
	return n, err
}

// CountActivitySince counts activity rows since a cutoff.
func CountActivitySince(ctx context.Context, db *sql.DB, since string) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, selectCount(tableActivity)+" WHERE created_at >= $1", since).Scan(&n)
	return n, err
}

func selectCount(table string) string {
	return "SELECT count(*) FROM " + table
}
