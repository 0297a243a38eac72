// Package memstore is the runtime's own memory store.
package memstore

import (
	"context"

	"github.com/uptrace/bun"
)

type Store struct {
	db *bun.DB
}

func New(db *bun.DB) *Store { return &Store{db: db} }

// List reads this runtime's memories; the runtime serves one org.
func (s *Store) List(ctx context.Context, org string) ([]Memory, error) {
	var rows []Memory
	err := s.db.NewSelect().Model(&rows).Where("org_id = ?", org).Order("id DESC").Scan(ctx)
	return rows, err
}

func (s *Store) Count(ctx context.Context, org string) (int, error) {
	return s.db.NewSelect().Model((*Memory)(nil)).Where("org_id = ?", org).Count(ctx)
}
