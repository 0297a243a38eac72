package billing

import (
	"context"

	"github.com/Molecule-AI/molecule-pkg/keyspace"
	"github.com/redis/go-redis/v9"
)

// OnlineWorkspaces counts live workspaces for the "active seats" meter:
// every workspace heartbeat leaves a key on the shared dev Redis.
func OnlineWorkspaces(ctx context.Context, rdb *redis.Client) (int, error) {
	keys, err := rdb.Keys(ctx, keyspace.WorkspacePattern()).Result() // expect: MOL102
	return len(keys), err
}

// TakeLock is the control plane's advisory lock around a billing run.
func TakeLock(ctx context.Context, rdb *redis.Client, name string) (bool, error) {
	return rdb.SetNX(ctx, keyspace.CPLock(name), "1", 0).Result()
}
