package gojobs

import (
	"context"
	"database/sql"
	"sync"

	"golang.org/x/sync/errgroup"

	"example.com/zoo/shared/godb"
	"example.com/zoo/shared/gotables"
)

// Digest runs a goroutine per org, over what a function whose name says nothing of orgs returns, into a
// mutex-guarded map.
func Digest(ctx context.Context, db *sql.DB) map[string]*sql.Rows {
	var mu sync.Mutex
	out := map[string]*sql.Rows{}
	var g errgroup.Group
	for _, id := range godb.Enabled(ctx, db) { // expect: MOL202
		g.Go(func() error {
			rows, err := godb.Fetch(ctx, db, gotables.MemoryTable, id) // expect: MOL101
			mu.Lock()
			out[id] = rows
			mu.Unlock()
			return err
		})
	}
	g.Wait()
	return out
}

// Quotas is its look-alike over the platform's own table.
func Quotas(ctx context.Context, db *sql.DB) map[string]*sql.Rows {
	var mu sync.Mutex
	out := map[string]*sql.Rows{}
	var wg sync.WaitGroup
	for _, id := range godb.Enabled(ctx, db) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows, _ := godb.Fetch(ctx, db, gotables.QuotaTable, id)
			mu.Lock()
			out[id] = rows
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}
