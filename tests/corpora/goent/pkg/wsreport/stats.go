// Package wsreport computes workspace statistics on a workspace database.
package wsreport

import (
	"context"

	"github.com/nimbus/fleet/workspace/db"
)

type Stats struct {
	DueSchedules int
}

// Compute reads the schedule backlog of one workspace database.
func Compute(ctx context.Context, conn db.DBTX) (Stats, error) {
	due, err := db.New(conn).ListDueSchedules(ctx)
	if err != nil {
		return Stats{}, err
	}
	return Stats{DueSchedules: len(due)}, nil
}
