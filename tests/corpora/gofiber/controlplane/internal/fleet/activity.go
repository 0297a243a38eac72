package fleet

import (
	"context"
	"log"
	"sync"

	"github.com/lattice/hive/pkg/wsclient" // expect: MOL104
)

type Poller struct {
	ws *wsclient.Client
}

func NewPoller(workspaceURL string) *Poller { return &Poller{ws: wsclient.New(workspaceURL)} }

// RecentActivity merges the activity feeds of all orgs for the support console.
func (p *Poller) RecentActivity(ctx context.Context, orgs []Org) []wsclient.Activity {
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		all []wsclient.Activity
	)
	for _, o := range orgs { // expect: MOL202
		wg.Add(1)
		go func(org string) {
			defer wg.Done()
			items, err := p.ws.Activity(ctx, org) // expect: MOL103
			if err != nil {
				log.Printf("activity of %s: %v", org, err)
				return
			}
			mu.Lock()
			all = append(all, items...)
			mu.Unlock()
		}(o.ID)
	}
	wg.Wait()
	return all
}

// Unhealthy probes every workspace's /healthz: liveness only, no data.
func (p *Poller) Unhealthy(ctx context.Context, orgs []Org) []string {
	var down []string
	for _, o := range orgs {
		if !p.ws.Healthy(ctx) {
			down = append(down, o.ID)
		}
	}
	return down
}

// MemoriesOf is what the support console shows when an operator opens an org.
func (p *Poller) MemoriesOf(ctx context.Context, org string) ([]wsclient.Memory, error) {
	return p.ws.Memories(ctx, org) // expect: MOL103
}
