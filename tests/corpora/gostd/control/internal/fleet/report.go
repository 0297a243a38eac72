// Package fleet builds the fleet-wide reports of the admin console.
package fleet

import (
	"context"
	"log/slog"
	"sync"

	"golang.org/x/sync/errgroup"

	"example.com/tally/control/internal/store"
	"example.com/tally/control/internal/tenantapi"
)

type Reporter struct {
	store *store.Store
	port  int
}

func New(s *store.Store, port int) *Reporter { return &Reporter{store: s, port: port} }

// TotalMemories asks every runtime for its memories and adds them up.
func (r *Reporter) TotalMemories(ctx context.Context) (int, error) {
	orgs, err := r.store.Orgs(ctx)
	if err != nil {
		return 0, err
	}
	var mu sync.Mutex
	total := 0
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, org := range orgs { // expect: MOL202
		org := org
		g.Go(func() error {
			items, err := tenantapi.New(org.Host, r.port).Memories(ctx, org.ID)
			if err != nil {
				return err
			}
			mu.Lock()
			total += len(items)
			mu.Unlock()
			return nil
		})
	}
	return total, g.Wait()
}

// Healthy probes every runtime; this is liveness, not functional data.
func (r *Reporter) Healthy(ctx context.Context) (map[string]bool, error) {
	orgs, err := r.store.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(orgs))
	for _, org := range orgs {
		out[org.ID] = tenantapi.New(org.Host, r.port).Healthy(ctx)
	}
	slog.Info("probed runtimes for memories service health", "n", len(out))
	return out, nil
}
