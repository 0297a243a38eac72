// Package pgstore implements the reporting Source over Postgres.
package pgstore

import (
	"context"
	"database/sql"

	"github.com/orbitlabs/orbit/pkg/sqlq"
	"github.com/orbitlabs/orbit/pkg/tables"
)

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

// Total is the number of schedules defined.
func (s *Store) Total(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, sqlq.Count(tables.Schedules)).Scan(&n)
	return n, err
}
