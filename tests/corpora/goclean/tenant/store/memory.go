// Package store is the tenant runtime's data access to its own database.
package store

import (
	"context"
	"time"

	sq "github.com/Masterminds/squirrel"
	"github.com/jmoiron/sqlx"

	"github.com/acme/lattice/libs/tables"
)

type Memory struct {
	ID          int64     `db:"id"`
	WorkspaceID string    `db:"workspace_id"`
	Content     string    `db:"content"`
	CreatedAt   time.Time `db:"created_at"`
}

type MemoryRepo struct {
	db *sqlx.DB
}

func NewMemoryRepo(db *sqlx.DB) *MemoryRepo { return &MemoryRepo{db: db} }

// Recent reads this org's own memories: the tenant owns them.
func (r *MemoryRepo) Recent(ctx context.Context, workspaceID string, limit uint64) ([]Memory, error) {
	q, args, err := sq.Select("id", "workspace_id", "content", "created_at").
		From(tables.AgentMemories).
		Where(sq.Eq{"workspace_id": workspaceID}).
		OrderBy("created_at DESC").Limit(limit).
		PlaceholderFormat(sq.Dollar).ToSql()
	if err != nil {
		return nil, err
	}
	var out []Memory
	err = r.db.SelectContext(ctx, &out, q, args...)
	return out, err
}

// Add stores a memory with a named query.
func (r *MemoryRepo) Add(ctx context.Context, m Memory) error {
	_, err := r.db.NamedExecContext(ctx,
		`INSERT INTO agent_memories (workspace_id, content) VALUES (:workspace_id, :content)`, m)
	return err
}
