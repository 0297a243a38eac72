package fleet

import (
	"context"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/wsclient" // expect: MOL104
)

// Up probes every org's workspace server: liveness is provisioning's business, not tenant data.
func Up(ctx context.Context, pool *pgxpool.Pool) (map[string]bool, error) {
	orgs, err := ListOrgs(ctx, pool)
	if err != nil {
		return nil, err
	}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	up := make(map[string]bool, len(orgs))
	for _, o := range orgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok := wsclient.New(wsclient.WithBaseURL("http://" + o.Host + ":8080")).Healthy(ctx)
			mu.Lock()
			up[o.ID] = ok
			mu.Unlock()
		}()
	}
	wg.Wait()
	return up, nil
}
