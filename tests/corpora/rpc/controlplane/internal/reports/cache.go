package reports

import (
	"context"

	"github.com/acme/molecule/pkg/keys"
	"github.com/redis/go-redis/v9"
)

// CachedMemoryCount peeks at a workspace's cached counter on the cache named in CacheURL.
func CachedMemoryCount(ctx context.Context, rdb *redis.Client, workspaceID string) (int64, error) {
	return rdb.Get(ctx, keys.MemoryCount(workspaceID)).Int64() // expect: MOL102
}

// PlanCacheHits reads our own counter.
func PlanCacheHits(ctx context.Context, rdb *redis.Client) (int64, error) {
	return rdb.Get(ctx, "cp:plan-cache:hits").Int64()
}
