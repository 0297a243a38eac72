package fleet

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/Molecule-AI/molecule-controlplane/internal/cpdb"
	"github.com/Molecule-AI/molecule-controlplane/internal/tenantclient"
	"github.com/Molecule-AI/molecule-pkg/fleetstats" // expect: MOL104
	"golang.org/x/sync/errgroup"
)

// WeeklyReport is what the founders' Monday email shows.
type WeeklyReport struct {
	Orgs       int
	Unhealthy  int
	Workspaces int
	Memories   int
	Activity   map[string]int
}

// Reporter builds the weekly fleet report.
type Reporter struct {
	store   *cpdb.Store
	token   string
	workers int
	dial    func(org cpdb.Org) (*sql.DB, error)
}

func NewReporter(store *cpdb.Store, token string, workers int) *Reporter {
	return &Reporter{store: store, token: token, workers: workers, dial: dialTenant}
}

// dialTenant opens the org's Postgres over the VPC peering.
func dialTenant(org cpdb.Org) (*sql.DB, error) {
	return sql.Open("postgres", fmt.Sprintf("postgres://molecule@%s:5432/molecule?sslmode=require", org.PrivateIP))
}

// Weekly adds up every org's numbers.
func (r *Reporter) Weekly(ctx context.Context) (WeeklyReport, error) {
	orgs, err := r.store.ActiveOrgs(ctx)
	if err != nil {
		return WeeklyReport{}, err
	}
	rep := WeeklyReport{Orgs: len(orgs)}
	for _, org := range orgs { // expect: MOL202
		conn, err := r.dial(org)
		if err != nil {
			rep.Unhealthy++
			continue
		}
		snap, err := fleetstats.Take(ctx, conn) // expect: MOL101
		conn.Close()
		if err != nil {
			rep.Unhealthy++
			continue
		}
		rep.Workspaces += snap.Workspaces
		rep.Memories += snap.Memories
	}
	rep.Activity, err = r.activity(ctx, orgs)
	return rep, err
}

// activity fans out to every tenant and collects its activity feed size.
func (r *Reporter) activity(ctx context.Context, orgs []cpdb.Org) (map[string]int, error) {
	var mu sync.Mutex
	out := make(map[string]int, len(orgs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(r.workers)
	for _, org := range orgs { // expect: MOL202
		org := org
		g.Go(func() error {
			n, err := activityCount(ctx, tenantclient.New(org.PrivateIP, r.token), "")
			if err != nil {
				return err
			}
			mu.Lock()
			out[org.ID] = n
			mu.Unlock()
			return nil
		})
	}
	return out, g.Wait()
}
