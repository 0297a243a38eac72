// Package dbx has the small query helpers the services share.
package dbx

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

// CountForOrg counts one org's rows of a table.
func CountForOrg(ctx context.Context, db *sqlx.DB, table, orgID string) (int64, error) {
	var n int64
	err := db.GetContext(ctx, &n, fmt.Sprintf("SELECT count(*) FROM %s WHERE org_id = $1", table), orgID)
	return n, err
}

// PurgeBefore deletes a table's rows older than the cutoff, in batches.
func PurgeBefore(ctx context.Context, pool *pgxpool.Pool, table, column string, cutoff any) (int64, error) {
	tag, err := pool.Exec(ctx, "DELETE FROM "+table+" WHERE "+column+" < $1", cutoff)
	if err != nil {
		return 0, fmt.Errorf("purge %s: %w", table, err)
	}
	return tag.RowsAffected(), nil
}

// selectAll is the query builder behind ListAll.
func selectAll(table string) string {
	return "SELECT * FROM " + table + " ORDER BY 1"
}

// ListAll loads a whole (small) table into dest.
func ListAll(ctx context.Context, db *sqlx.DB, dest any, table string) error {
	return db.SelectContext(ctx, dest, selectAll(table))
}
