// Package store is the workspace server's data access (bun on the org's own Postgres).
package store

import (
	"context"

	"github.com/uptrace/bun"
)

type Memory struct {
	bun.BaseModel `bun:"table:workspace_memories,alias:m"`

	ID          int64  `bun:",pk,autoincrement"`
	OrgID       string `bun:"org_id"`
	WorkspaceID string `bun:"workspace_id"`
	Content     string `bun:"content"`
}

type MemoryStore struct {
	db *bun.DB
}

func NewMemoryStore(db *bun.DB) *MemoryStore { return &MemoryStore{db: db} }

func (s *MemoryStore) List(ctx context.Context, workspaceID string) ([]Memory, error) {
	var ms []Memory
	err := s.db.NewSelect().Model(&ms).Where("workspace_id = ?", workspaceID).Order("id DESC").Limit(100).Scan(ctx)
	return ms, err
}

// CountByWorkspace is this org's own breakdown: a tenant holds one org only.
func (s *MemoryStore) CountByWorkspace(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		WorkspaceID string
		N           int
	}
	err := s.db.NewSelect().Model((*Memory)(nil)).
		ColumnExpr("workspace_id").ColumnExpr("count(*) AS n").
		Group("workspace_id").Scan(ctx, &rows)
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.WorkspaceID] = r.N
	}
	return out, err
}
