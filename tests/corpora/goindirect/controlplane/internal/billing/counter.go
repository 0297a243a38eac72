// Package billing computes what each org owes.
package billing

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// counter counts the rows of one table since a point in time.
type counter struct {
	db    *sql.DB
	table string
}

func newCounter(db *sql.DB, table string) *counter {
	return &counter{db: db, table: table}
}

func (c *counter) Since(ctx context.Context, since time.Time) (int64, error) {
	var n int64
	q := fmt.Sprintf("SELECT count(*) FROM %s WHERE created_at > $1", c.table)
	err := c.db.QueryRowContext(ctx, q, since).Scan(&n)
	return n, err
}
