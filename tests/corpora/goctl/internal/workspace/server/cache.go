package server

import (
	"github.com/gomodule/redigo/redis"

	"github.com/moleculeai/fleet/pkg/keys"
)

// StateCache keeps the workspace state hash in the host's Redis.
type StateCache struct {
	pools map[string]*redis.Pool
	local *redis.Pool
	orgID string
}

func (c *StateCache) poolOf(org string) *redis.Pool {
	if p, ok := c.pools[org]; ok {
		return p
	}
	return c.local
}

// Get reads a workspace's state from the Redis of org.
func (c *StateCache) Get(org, workspace string) (map[string]string, error) {
	conn := c.poolOf(org).Get()
	defer conn.Close()
	return redis.StringMap(conn.Do("HGETALL", keys.WorkspaceState(org, workspace)))
}

// Own reads the state of this host's org.
func (c *StateCache) Own(workspace string) (map[string]string, error) {
	conn := c.local.Get()
	defer conn.Close()
	return redis.StringMap(conn.Do("HGETALL", keys.WorkspaceState(c.orgID, workspace)))
}
