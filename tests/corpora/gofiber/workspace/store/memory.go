// Package store is the workspace's data access for memories.
package store

import (
	"context"
	"database/sql"
	"time"
)

type MemoryStore struct {
	db *sql.DB
}

func NewMemoryStore(db *sql.DB) *MemoryStore { return &MemoryStore{db: db} }

func (s *MemoryStore) PurgeOlderThan(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM memories WHERE created_at < $1", cutoff)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
