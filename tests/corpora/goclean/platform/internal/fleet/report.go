package fleet

import (
	"context"
	"io"
	"log"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/acme/lattice/platform/internal/ports"
)

// Reporter builds the weekly fleet report.
type Reporter struct {
	orgs     ports.OrgLister
	memories ports.MemoryCounter
	runtime  *RuntimeClient
}

func NewReporter(orgs ports.OrgLister, memories ports.MemoryCounter, runtime *RuntimeClient) *Reporter {
	return &Reporter{orgs: orgs, memories: memories, runtime: runtime}
}

// TotalMemories sums memories over every org we host.
func (r *Reporter) TotalMemories(ctx context.Context) (int64, error) {
	orgs, err := r.orgs.ListOrgs(ctx)
	if err != nil {
		return 0, err
	}
	var mu sync.Mutex
	var total int64
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, org := range orgs {
		g.Go(func() error {
			n, err := r.memories.CountMemories(ctx, org.ID)
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

// ActivityDigest collects each org's default-workspace activity for the product newsletter.
func (r *Reporter) ActivityDigest(ctx context.Context) (map[string][]byte, error) {
	orgs, err := r.orgs.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	digest := map[string][]byte{}
	for _, org := range orgs { // expect: MOL202
		resp, err := r.runtime.Activity(org.Slug, "default")
		if err != nil {
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		digest[org.Slug] = body
	}
	return digest, nil
}

// Unhealthy probes every host; the health endpoint carries no workspace data.
func (r *Reporter) Unhealthy(ctx context.Context) ([]string, error) {
	orgs, err := r.orgs.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var down []string
	for _, org := range orgs {
		if !r.runtime.Healthy(ctx, org.Slug) {
			log.Printf("org %s: activity unknown, host down", org.Slug)
			down = append(down, org.Slug)
		}
	}
	return down, nil
}
