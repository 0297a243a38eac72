// Package cache hands out lazily built Redis clients.
package cache

import (
	"sync"

	"github.com/orbitlabs/orbit/pkg/config"
	"github.com/redis/go-redis/v9"
)

var (
	workspaceOnce sync.Once
	workspace     *redis.Client
)

// Workspace is the client of the workspace Redis, built on first use.
func Workspace() *redis.Client {
	workspaceOnce.Do(func() {
		workspace = redis.NewClient(&redis.Options{Addr: config.Getenv(config.EnvWorkspaceRedis, "localhost:6379")})
	})
	return workspace
}

// New is a client of the Redis at addr.
func New(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr})
}
