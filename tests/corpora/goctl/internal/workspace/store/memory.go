// Package store is the workspace-server's access to its own Postgres.
package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/moleculeai/fleet/pkg/schema"
)

type Memory struct {
	ID, Key string
	Body    []byte
}

type MemoryRepo struct {
	db *sql.DB
}

func NewMemoryRepo(db *sql.DB) *MemoryRepo { return &MemoryRepo{db: db} }

func (r *MemoryRepo) List(ctx context.Context, org string) ([]Memory, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, key, body FROM "+schema.TableMemories+" WHERE org_id = $1", org)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Memory
	for rows.Next() {
		var m Memory
		if err := rows.Scan(&m.ID, &m.Key, &m.Body); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// PurgeOlderThan enforces the retention window.
func (r *MemoryRepo) PurgeOlderThan(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := r.db.ExecContext(ctx, "DELETE FROM "+schema.TableMemories+" WHERE created_at < $1", cutoff)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// KindCounts is the workspace's own activity histogram (one org per host).
func KindCounts(ctx context.Context, db *sql.DB, org string) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT kind, count(*) FROM activity_logs WHERE org_id = $1 GROUP BY kind", org)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, rows.Err()
}
