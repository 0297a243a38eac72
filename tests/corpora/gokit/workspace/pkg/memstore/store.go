// Package memstore is the workspace's memory store, exported for the retention job.
package memstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/acme/fleet/pkg/storage"
)

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store {
	return &Store{db: db}
}

// PurgeOlderThan deletes memories past the retention window.
func (s *Store) PurgeOlderThan(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM "+storage.MemoriesTable+" WHERE created_at < $1", cutoff)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
