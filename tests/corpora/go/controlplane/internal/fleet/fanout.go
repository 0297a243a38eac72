package fleet

import (
	"context"
	"sync"

	"github.com/jmoiron/sqlx"
	"golang.org/x/sync/errgroup"

	"github.com/acme/molecule/controlplane/internal/db"
	"github.com/acme/molecule/pkg/dbx"
	"github.com/acme/molecule/pkg/tables"
	"github.com/acme/molecule/pkg/wsapi" // expect: MOL104
)

// OrgHost says where an org's workspace server answers.
type OrgHost struct {
	ID   string
	Host string
}

// MemoryTotals asks every org's workspace server for its memories and sums them.
func MemoryTotals(ctx context.Context, orgs []OrgHost, workspaces map[string][]string) (int, error) {
	var (
		mu    sync.Mutex
		total int
	)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, org := range orgs { // expect: MOL202
		org := org
		g.Go(func() error {
			c := wsapi.New("http://" + org.Host + ":8080")
			for _, ws := range workspaces[org.ID] {
				mems, err := c.Memories(ctx, ws) // expect: MOL103
				if err != nil {
					return err
				}
				mu.Lock()
				total += len(mems)
				mu.Unlock()
			}
			return nil
		})
	}
	return total, g.Wait()
}

// Liveness probes every org's workspace server; only the health endpoint is called.
func Liveness(ctx context.Context, orgs []OrgHost) map[string]error {
	var (
		mu  sync.Mutex
		out = map[string]error{}
		wg  sync.WaitGroup
	)
	for _, org := range orgs {
		wg.Add(1)
		go func(org OrgHost) {
			defer wg.Done()
			err := wsapi.New("http://" + org.Host + ":8080").Healthz(ctx)
			mu.Lock()
			out[org.ID] = err
			mu.Unlock()
		}(org)
	}
	wg.Wait()
	return out
}

// ActivityTotal sums every org's activity rows.
func ActivityTotal(ctx context.Context, tenants *sqlx.DB, orgs []db.ListOrgsRow) int64 {
	var (
		mu    sync.Mutex
		total int64
		wg    sync.WaitGroup
	)
	for _, org := range orgs { // expect: MOL202
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			n, err := dbx.CountForOrg(ctx, tenants, tables.Activity, id) // expect: MOL101
			if err != nil {
				return
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}(org.ID)
	}
	wg.Wait()
	return total
}

// SeatsByOrg is a worker pool over the platform's billing accounts.
func SeatsByOrg(ctx context.Context, platform *sqlx.DB, orgIDs []string, workers int) map[string]int64 {
	jobs := make(chan string)
	type result struct {
		org string
		n   int64
	}
	results := make(chan result)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for org := range jobs {
				n, _ := dbx.CountForOrg(ctx, platform, tables.BillingAccts, org)
				results <- result{org: org, n: n}
			}
		}()
	}
	go func() {
		for _, org := range orgIDs {
			jobs <- org
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	out := map[string]int64{}
	for r := range results {
		out[r.org] = r.n
	}
	return out
}
