// Package cache is the workspace server's Redis cache (its own, on the org's host).
package cache

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/acme/molecule/pkg/keys"
)

type Cache struct{ rdb *redis.Client }

func New(url string) (*Cache, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	return &Cache{rdb: redis.NewClient(opts)}, nil
}

func (c *Cache) State(ctx context.Context, workspaceID string) (string, error) {
	return c.rdb.Get(ctx, keys.WorkspaceState(workspaceID)).Result()
}

func (c *Cache) PutRecall(ctx context.Context, workspaceID string, blob []byte) error {
	return c.rdb.Set(ctx, keys.RecallCache(workspaceID), blob, 10*time.Minute).Err()
}
