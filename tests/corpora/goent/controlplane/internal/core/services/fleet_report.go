// Package services holds the control plane's use cases; adapters arrive through fx.
package services

import (
	"context"
	"sync"

	"github.com/nimbus/fleet/controlplane/internal/core/ports"
	"golang.org/x/sync/errgroup"
)

type FleetReport struct {
	orgs  ports.OrgRepository
	stats ports.WorkspaceStats
	feed  ports.ActivityFeed
}

func NewFleetReport(orgs ports.OrgRepository, stats ports.WorkspaceStats, feed ports.ActivityFeed) *FleetReport {
	return &FleetReport{orgs: orgs, stats: stats, feed: feed}
}

// MemoryTotal sums memories over the fleet for the investor dashboard.
func (f *FleetReport) MemoryTotal(ctx context.Context) (int, error) {
	orgs, err := f.orgs.List(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, o := range orgs { // expect: MOL202
		n, err := f.stats.MemoryCount(ctx, o.ID)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// ActivityDigest asks every workspace for its activity, eight at a time.
func (f *FleetReport) ActivityDigest(ctx context.Context) (map[string]int, error) {
	orgs, err := f.orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	digest := make(map[string]int, len(orgs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, o := range orgs { // expect: MOL202
		o := o
		g.Go(func() error {
			n, err := f.feed.ActivityCount(ctx, o.WorkspaceID)
			if err != nil {
				return err
			}
			mu.Lock()
			digest[o.Slug] = n
			mu.Unlock()
			return nil
		})
	}
	return digest, g.Wait()
}

// Unhealthy lists the orgs whose workspace fails its health probe.
func (f *FleetReport) Unhealthy(ctx context.Context) ([]string, error) {
	orgs, err := f.orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	var down []string
	for _, o := range orgs {
		if !f.feed.Healthy(ctx) {
			down = append(down, o.Slug)
		}
	}
	return down, nil
}
