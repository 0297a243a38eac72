// Package scheduler alerts on agent schedules that stopped firing.
package scheduler

import (
	"context"
	"database/sql"
	"time"

	"github.com/volatiletech/sqlboiler/v4/queries/qm"

	"github.com/lumenhq/fleet/workspace/models" // expect: MOL104
)

type Overdue struct {
	db *sql.DB
}

func NewOverdue(db *sql.DB) *Overdue { return &Overdue{db: db} }

// Count is the number of schedules, over all orgs, whose next run is in the past.
func (o *Overdue) Count(ctx context.Context, grace time.Duration) (int64, error) {
	return models.AgentSchedules(qm.Where("next_run_at < ?", time.Now().Add(-grace))).Count(ctx, o.db) // expect: MOL101, MOL201
}
