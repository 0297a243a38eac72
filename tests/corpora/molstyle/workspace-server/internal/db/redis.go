package db

import (
	"context"
	"fmt"
	"time"

	"github.com/Molecule-AI/molecule-workspace/pkg/wsstore"
	"github.com/redis/go-redis/v9"
)

var RDB *redis.Client

func InitRedis(redisURL string) error {
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		return fmt.Errorf("parse redis url: %w", err)
	}
	RDB = redis.NewClient(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return RDB.Ping(ctx).Err()
}

// LivenessTTL must outlive a few missed heartbeats (busy agents starve the loop).
const LivenessTTL = 180 * time.Second

// SetOnline marks a workspace alive.
func SetOnline(ctx context.Context, workspaceID string) error {
	return RDB.Set(ctx, wsstore.LivenessKey(workspaceID), "online", LivenessTTL).Err()
}
