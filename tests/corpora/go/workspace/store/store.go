package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is the workspace server's data access, bound to this org's database.
type Store struct {
	q     *Queries
	orgID string
}

func NewStore(pool *pgxpool.Pool, orgID string) *Store {
	return &Store{q: New(pool), orgID: orgID}
}

func (s *Store) ListMemories(ctx context.Context, workspaceID string) ([]ListMemoriesRow, error) {
	return s.q.ListMemories(ctx, workspaceID)
}

func (s *Store) AddMemory(ctx context.Context, workspaceID, content string) error {
	return s.q.AddMemory(ctx, AddMemoryParams{OrgID: s.orgID, WorkspaceID: workspaceID, Content: content})
}
