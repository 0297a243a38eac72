// Package fleet builds the fleet-wide reports the ops team reads on Mondays.
package fleet

import (
	"context"
	"database/sql"
	"sync"

	"github.com/spf13/viper"
	"golang.org/x/sync/errgroup"

	"github.com/moleculeai/fleet/internal/controlplane/store"
	"github.com/moleculeai/fleet/internal/controlplane/tenantapi"
)

type Reporter struct {
	Store   *store.Store
	Tenants *tenantapi.Client
	Billing interface {
		Seats(ctx context.Context, org string) (int, error)
	}
}

// ScheduleTotal fans out to every workspace-server and sums their schedules.
func (r *Reporter) ScheduleTotal(ctx context.Context) (int, error) {
	orgs, err := r.Store.ListOrgs(ctx)
	if err != nil {
		return 0, err
	}
	var (
		mu    sync.Mutex
		total int
	)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, o := range orgs { // expect: MOL202
		g.Go(func() error {
			s, err := r.Tenants.Schedules(ctx, o.ID)
			if err != nil {
				return err
			}
			mu.Lock()
			total += len(s)
			mu.Unlock()
			return nil
		})
	}
	return total, g.Wait()
}

// SeatTotal sums billed seats; seats are billing data.
func (r *Reporter) SeatTotal(ctx context.Context) (int, error) {
	orgs, err := r.Store.ListOrgs(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, o := range orgs {
		n, err := r.Billing.Seats(ctx, o.ID)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// openMemoryPlugin dials the memory plugin's Postgres for the export job.
func openMemoryPlugin() (*sql.DB, error) {
	viper.AutomaticEnv()
	return sql.Open("pgx", viper.GetString("memory_plugin_url")) // expect: MOL102
}

// ExportMemories copies one org's memories out of the memory plugin for a data request.
func ExportMemories(ctx context.Context, org string) (*sql.Rows, error) {
	db, err := openMemoryPlugin()
	if err != nil {
		return nil, err
	}
	return db.QueryContext(ctx, "SELECT key, body FROM agent_memories WHERE org_id = $1", org) // expect: MOL101
}
