package fleet

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/tables"
)

// SchedulesPerSchema counts the schedules in every org's schema of the shared cluster.
func SchedulesPerSchema(ctx context.Context, platform, cluster *pgxpool.Pool) (int64, error) {
	orgs, err := ListOrgs(ctx, platform)
	if err != nil {
		return 0, err
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int64
	)
	for _, o := range orgs { // expect: MOL202
		wg.Add(1)
		go func(schema string) {
			defer wg.Done()
			q := fmt.Sprintf("SELECT count(*) FROM %s.%s", pgx.Identifier{schema}.Sanitize(), tables.Schedules)
			var n int64
			if err := cluster.QueryRow(ctx, q).Scan(&n); err != nil { // expect: MOL101
				return
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}(o.Schema)
	}
	wg.Wait()
	return total, nil
}
