// Package worker runs the runtime's background jobs on River.
package worker

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/riverqueue/river"
)

type CompactArgs struct {
	OrgID string `json:"org_id"`
}

func (CompactArgs) Kind() string { return "compact_memories" }

type Pools struct {
	template string
}

func NewPools(template string) *Pools { return &Pools{template: template} }

// For opens the named org's database.
func (p *Pools) For(org string) (*sql.DB, error) {
	return sql.Open("pgx", fmt.Sprintf(p.template, org))
}

type CompactWorker struct {
	river.WorkerDefaults[CompactArgs]
	pools *Pools
}

func (w *CompactWorker) Work(ctx context.Context, job *river.Job[CompactArgs]) error {
	conn, err := w.pools.For(job.Args.OrgID)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "DELETE FROM memories WHERE org_id = $1 AND content = ''", job.Args.OrgID)
	return err
}

func Register(workers *river.Workers, pools *Pools) {
	river.AddWorker(workers, &CompactWorker{pools: pools})
}
