// Package usage samples usage for the metering pipeline.
package usage

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/workspace/store" // expect: MOL104
)

// MemorySample reuses the workspace server's repository to meter one org's stored memories.
func MemorySample(ctx context.Context, pool *pgxpool.Pool, orgID string) (int64, error) {
	count := store.NewMemoryRepo(pool, orgID).Count
	return count(ctx) // expect: MOL101
}
