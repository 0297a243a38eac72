package fleet

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/wsclient" // expect: MOL104
	"golang.org/x/sync/errgroup"
)

type memoryCount struct {
	org string
	n   int
}

// Collector gathers fleet-wide figures for the ops dashboard.
type Collector struct {
	pool   *pgxpool.Pool
	client *wsclient.Client
}

func NewCollector(pool *pgxpool.Pool, opts ...wsclient.Option) *Collector {
	return &Collector{pool: pool, client: wsclient.New(opts...)}
}

// MemoriesPerOrg asks every workspace server for its memories, eight at a time.
func (c *Collector) MemoriesPerOrg(ctx context.Context) (map[string]int, error) {
	orgs, err := ListOrgs(ctx, c.pool)
	if err != nil {
		return nil, err
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	results := make(chan memoryCount, len(orgs))
	for _, o := range orgs { // expect: MOL202
		g.Go(func() error {
			mems, err := c.client.Memories(gctx, o.WorkspaceID) // expect: MOL103
			if err != nil {
				return err
			}
			results <- memoryCount{org: o.ID, n: len(mems)}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	close(results)
	totals := make(map[string]int, len(orgs))
	for r := range results {
		totals[r.org] += r.n
	}
	return totals, nil
}
