package api

import (
	"context"

	"github.com/orbitlabs/orbit/pkg/cache"
	"github.com/redis/go-redis/v9"
)

// sessionClient picks the Redis database of the org passed by the job runner.
func sessionClient(ctx context.Context, orgID string, addrs map[string]string) *redis.Client {
	return cache.New(addrs[orgID])
}

// RunSessionSweep is the job runner's entry point: it is handed the org to sweep.
func RunSessionSweep(ctx context.Context, orgID string, addrs map[string]string) error {
	return sessionClient(ctx, orgID, addrs).Del(ctx, "ws:stale").Err() // expect: MOL302
}
