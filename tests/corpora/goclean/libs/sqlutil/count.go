// Package sqlutil has small helpers over sqlx.
package sqlutil

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jmoiron/sqlx"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// CountRows counts the rows of table; callers pass one of the tables constants.
func CountRows(ctx context.Context, db *sqlx.DB, table string) (int64, error) {
	q, args, err := psql.Select("count(*)").From(table).ToSql()
	if err != nil {
		return 0, err
	}
	var n int64
	err = db.GetContext(ctx, &n, q, args...)
	return n, err
}
