// Package reporting computes workspace statistics; the workspace-server's /stats page uses it.
package reporting

import (
	"context"
	"database/sql"

	"github.com/moleculeai/fleet/pkg/schema"
)

type MemoryStats struct {
	Items  int64
	Oldest sql.NullTime
}

// ForOrg reads the memory table of the database it is given.
func ForOrg(ctx context.Context, db *sql.DB, orgID string) (MemoryStats, error) {
	var s MemoryStats
	q := "SELECT count(*), min(created_at) FROM " + schema.TableMemories + " WHERE org_id = $1"
	err := db.QueryRowContext(ctx, q, orgID).Scan(&s.Items, &s.Oldest)
	return s, err
}
