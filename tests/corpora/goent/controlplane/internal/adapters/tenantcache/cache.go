// Package tenantcache peeks into workspace Redis for the support console.
package tenantcache

import (
	"context"
	"time"

	"github.com/nimbus/fleet/controlplane/internal/config"
	"github.com/nimbus/fleet/pkg/rediskeys"
	"github.com/redis/go-redis/v9"
)

type WorkspaceCache struct {
	rdb *redis.Client
}

func NewWorkspaceCache(cfg config.Config) (*WorkspaceCache, error) {
	opts, err := redis.ParseURL(cfg.Fleet.RedisURL) // expect: MOL102
	if err != nil {
		return nil, err
	}
	return &WorkspaceCache{rdb: redis.NewClient(opts)}, nil
}

// LastSeen says when an agent session last touched the workspace.
func (c *WorkspaceCache) LastSeen(ctx context.Context, workspaceID string) (time.Time, error) {
	ts, err := c.rdb.Get(ctx, rediskeys.Session(workspaceID)).Int64() // expect: MOL102
	return time.Unix(ts, 0), err
}

// BillingLocks guards billing runs in the control plane's own Redis.
type BillingLocks struct {
	rdb *redis.Client
}

func NewBillingLocks(cfg config.Config) (*BillingLocks, error) {
	opts, err := redis.ParseURL(cfg.RedisURL)
	if err != nil {
		return nil, err
	}
	return &BillingLocks{rdb: redis.NewClient(opts)}, nil
}

func (l *BillingLocks) Acquire(ctx context.Context, orgID string) (bool, error) {
	return l.rdb.SetNX(ctx, rediskeys.BillingLock(orgID), 1, 10*time.Minute).Result()
}
