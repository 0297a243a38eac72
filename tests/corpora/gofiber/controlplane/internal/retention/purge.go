// Package retention enforces the free plan's 30-day memory retention from the control plane.
package retention

import (
	"context"
	"database/sql"
	"time"

	"github.com/lattice/hive/workspace/store" // expect: MOL104
)

func PurgeFreePlan(ctx context.Context, ws *sql.DB) (int64, error) {
	cutoff := time.Now().AddDate(0, 0, -30)
	return store.NewMemoryStore(ws).PurgeOlderThan(ctx, cutoff) // expect: MOL101
}
