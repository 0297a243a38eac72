// Package pgrepo is the base every database/sql repository embeds: it knows its table and the
// queries every table answers the same way.
package pgrepo

import (
	"context"
	"database/sql"
	"fmt"
)

type Base struct {
	DB    *sql.DB
	Table string
}

// Count counts every row of the repository's table.
func (b Base) Count(ctx context.Context) (int64, error) {
	var n int64
	err := b.DB.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s", b.Table)).Scan(&n)
	return n, err
}

// CountForOrg counts one org's rows.
func (b Base) CountForOrg(ctx context.Context, orgID string) (int64, error) {
	var n int64
	err := b.DB.QueryRowContext(ctx, "SELECT count(*) FROM "+b.Table+" WHERE org_id = $1", orgID).Scan(&n)
	return n, err
}
