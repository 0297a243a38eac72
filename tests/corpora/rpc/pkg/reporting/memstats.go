// Package reporting computes memory statistics for the workspace dashboard.
package reporting

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

const memoryStatsSQL = `SELECT count(*), coalesce(sum(length(content)), 0) FROM memories`

// MemoryStats returns the number of memories and their total size.
func MemoryStats(ctx context.Context, pool *pgxpool.Pool) (count, bytes int64, err error) {
	err = pool.QueryRow(ctx, memoryStatsSQL).Scan(&count, &bytes)
	return count, bytes, err
}
