// Package fleet computes fleet-wide reports for the ops dashboard.
package fleet

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/acme/fleet/controlplane/internal/biz"
	"github.com/acme/fleet/controlplane/internal/upstream"
)

type Host struct {
	OrgID        string
	WorkspaceURL string
}

// TotalRuns asks every org's host for its run count and sums them.
func TotalRuns(ctx context.Context, hosts []Host) (int64, error) {
	var (
		mu    sync.Mutex
		total int64
	)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, h := range hosts { // expect: MOL202
		h := h
		g.Go(func() error {
			c, err := upstream.NewWorkspaceClient(h.WorkspaceURL)
			if err != nil {
				return err
			}
			n, err := c.CountRuns(ctx, h.OrgID)
			if err != nil {
				return err
			}
			mu.Lock()
			total += n
			mu.Unlock()
			return nil
		})
	}
	return total, g.Wait()
}

// TotalBilled sums the control plane's own invoices per org: billing, not functional state.
func TotalBilled(ctx context.Context, billing biz.BillingRepo, orgs []string) (int64, error) {
	var (
		mu    sync.Mutex
		total int64
	)
	g, ctx := errgroup.WithContext(ctx)
	for _, org := range orgs {
		org := org
		g.Go(func() error {
			n, err := billing.InvoiceTotal(ctx, org)
			if err != nil {
				return err
			}
			mu.Lock()
			total += n
			mu.Unlock()
			return nil
		})
	}
	return total, g.Wait()
}

// ProbeAll checks every host is alive before a rollout.
func ProbeAll(ctx context.Context, hosts []Host) map[string]bool {
	alive := map[string]bool{}
	for _, h := range hosts {
		c, err := upstream.NewWorkspaceClient(h.WorkspaceURL)
		if err != nil {
			alive[h.OrgID] = false
			continue
		}
		_, err = c.HealthEndpoint()(ctx, nil)
		alive[h.OrgID] = err == nil
	}
	return alive
}
