// Package fleet builds the weekly fleet report the ops team reads.
package fleet

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/lumenhq/fleet/controlplane/internal/billing"
	"github.com/lumenhq/fleet/controlplane/internal/orgs"
	"github.com/lumenhq/fleet/controlplane/internal/wsclient"
)

type Summary struct {
	Orgs         int
	Memories     int
	BilledCents  int64
	RunEvents    int64
	HealthyHosts int
}

type Reporter struct {
	orgs    *orgs.Repo
	ws      *wsclient.Client
	usage   *billing.UsageRepo
	runs    *runEventStats
	quotas  *quotaStats
	limit   int
	log     *slog.Logger
}

func NewReporter(db *sql.DB, o *orgs.Repo, ws *wsclient.Client, u *billing.UsageRepo, limit int, log *slog.Logger) *Reporter {
	return &Reporter{orgs: o, ws: ws, usage: u, runs: newRunEventStats(db), quotas: newQuotaStats(db), limit: limit, log: log}
}

// Weekly walks every active org's workspace and totals what it holds.
func (r *Reporter) Weekly(ctx context.Context) (Summary, error) {
	active, err := r.orgs.ListActive(ctx)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Orgs: len(active)}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.limit)
	for _, o := range active { // expect: MOL202
		o := o
		g.Go(func() error {
			ms, err := r.ws.Memories(gctx, o.WorkspaceID)
			if err != nil {
				return err
			}
			mu.Lock()
			sum.Memories += len(ms)
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return sum, err
	}
	sum.RunEvents, err = r.runs.Total(ctx)
	return sum, err
}

// Health probes every org's workspace server: liveness only, no functional data.
func (r *Reporter) Health(ctx context.Context) (int, error) {
	active, err := r.orgs.ListActive(ctx)
	if err != nil {
		return 0, err
	}
	healthy := 0
	for _, o := range active {
		if err := r.ws.Healthy(ctx); err != nil {
			r.log.Warn("workspace unhealthy", "org", o.Slug)
			continue
		}
		healthy++
	}
	return healthy, nil
}

// Billing totals each org's quota for the finance export: platform data only.
func (r *Reporter) Billing(ctx context.Context) (int64, error) {
	active, err := r.orgs.ListActive(ctx)
	if err != nil {
		return 0, err
	}
	var total int64
	for _, o := range active {
		n, err := r.usage.Quota(ctx, o.ID)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
