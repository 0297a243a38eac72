// Package cachecheck reads counters out of Redis for the admin console.
package cachecheck

import (
	"context"

	"github.com/redis/go-redis/v9"

	"example.com/tally/pkg/keys"
)

type Cache struct {
	rdb *redis.Client
}

func New(url string) (*Cache, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	return &Cache{rdb: redis.NewClient(opt)}, nil
}

func (c *Cache) MemoryCount(ctx context.Context, org string) (int64, error) {
	return c.rdb.Get(ctx, keys.MemoryCount(org)).Int64() // expect: MOL102
}

func (c *Cache) Workspaces(ctx context.Context) ([]string, error) {
	return c.rdb.Keys(ctx, keys.Workspaces()).Result() // expect: MOL102
}

// Quota reads the control plane's own quota counter.
func (c *Cache) Quota(ctx context.Context, org string) (int64, error) {
	return c.rdb.Get(ctx, keys.Quota(org)).Int64()
}
