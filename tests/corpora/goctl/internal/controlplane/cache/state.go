// Package cache reads the Redis the control plane shares with its workers.
package cache

import (
	"context"

	"github.com/redis/go-redis/v9"

	"github.com/moleculeai/fleet/pkg/keys"
)

type Cache struct {
	rdb *redis.Client
}

func New(addr string) *Cache {
	return &Cache{rdb: redis.NewClient(&redis.Options{Addr: addr})}
}

// WorkspaceState returns the live state hash a workspace publishes.
func (c *Cache) WorkspaceState(ctx context.Context, org, workspace string) (map[string]string, error) {
	return c.rdb.HGetAll(ctx, keys.WorkspaceState(org, workspace)).Result() // expect: MOL102
}

// Invoice returns the cached invoice of an org.
func (c *Cache) Invoice(ctx context.Context, org string) (string, error) {
	return c.rdb.Get(ctx, keys.Invoice(org)).Result()
}
