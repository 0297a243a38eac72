package tenantdb

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nimbus/fleet/controlplane/internal/config"
	"github.com/nimbus/fleet/pkg/wsreport" // expect: MOL104
	wsdb "github.com/nimbus/fleet/workspace/db" // expect: MOL104
)

// WorkspacePool is a pgx pool on a workspace database (a distinct type for wire).
type WorkspacePool struct {
	*pgxpool.Pool
}

func NewWorkspacePool(ctx context.Context, cfg config.Config) (WorkspacePool, error) {
	pool, err := pgxpool.New(ctx, cfg.WorkspaceDatabaseURL) // expect: MOL102
	return WorkspacePool{pool}, err
}

// ScheduleAudit finds schedules that did not fire.
type ScheduleAudit struct {
	pool WorkspacePool
}

func NewScheduleAudit(pool WorkspacePool) *ScheduleAudit {
	return &ScheduleAudit{pool: pool}
}

func (a *ScheduleAudit) Overdue(ctx context.Context) (int, error) {
	due, err := wsdb.New(a.pool).ListDueSchedules(ctx) // expect: MOL101
	return len(due), err
}

func (a *ScheduleAudit) Backlog(ctx context.Context) (int, error) {
	st, err := wsreport.Compute(ctx, a.pool) // expect: MOL101
	return st.DueSchedules, err
}
