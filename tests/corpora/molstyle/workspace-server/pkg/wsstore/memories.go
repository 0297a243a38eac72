package wsstore

import (
	"context"
	"database/sql"
	"fmt"
)

// MemoryStore reads and writes agent memories.
type MemoryStore struct {
	db *sql.DB
}

func NewMemoryStore(db *sql.DB) *MemoryStore {
	return &MemoryStore{db: db}
}

// MemoryRow is one stored memory.
type MemoryRow struct {
	ID, WorkspaceID, Content, Scope string
}

// ListForWorkspace returns a workspace's memories, newest first.
func (s *MemoryStore) ListForWorkspace(ctx context.Context, workspaceID string) ([]MemoryRow, error) {
	q := fmt.Sprintf(`SELECT id, workspace_id, content, scope FROM %s WHERE workspace_id = $1 ORDER BY created_at DESC`, tableMemories)
	rows, err := s.db.QueryContext(ctx, q, workspaceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MemoryRow
	for rows.Next() {
		var m MemoryRow
		if err := rows.Scan(&m.ID, &m.WorkspaceID, &m.Content, &m.Scope); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CountByWorkspace is what the canvas' memory panel shows per workspace.
func (s *MemoryStore) CountByWorkspace(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT workspace_id, count(*) FROM "+tableMemories+" GROUP BY workspace_id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var ws string
		var n int
		if err := rows.Scan(&ws, &n); err != nil {
			return nil, err
		}
		out[ws] = n
	}
	return out, rows.Err()
}
