// Package reporting computes memory statistics for dashboards.
package reporting

import (
	"context"
	"database/sql"

	"github.com/acme/fleet/pkg/storage"
)

type MemoryStats struct {
	Agents   int
	Memories int
}

var statsQuery = "SELECT count(DISTINCT agent_id), count(*) FROM " + storage.MemoriesTable + " WHERE org_id = $1"

// CollectMemoryStats reads one org's memory counts.
func CollectMemoryStats(ctx context.Context, db *sql.DB, orgID string) (MemoryStats, error) {
	var s MemoryStats
	err := db.QueryRowContext(ctx, statsQuery, orgID).Scan(&s.Agents, &s.Memories)
	return s, err
}
