package redis

import (
	"context"
	"time"

	"github.com/nimbus/fleet/pkg/rediskeys"
	"github.com/nimbus/fleet/workspace/internal/config"
	goredis "github.com/redis/go-redis/v9"
)

// Sessions keeps agent sessions in the tenant's own Redis.
type Sessions struct {
	rdb *goredis.Client
}

func NewSessions(cfg config.Config) (*Sessions, error) {
	opts, err := goredis.ParseURL(cfg.RedisURL)
	if err != nil {
		return nil, err
	}
	return &Sessions{rdb: goredis.NewClient(opts)}, nil
}

func (s *Sessions) Touch(ctx context.Context, workspaceID string) error {
	return s.rdb.Set(ctx, rediskeys.Session(workspaceID), time.Now().Unix(), time.Hour).Err()
}
