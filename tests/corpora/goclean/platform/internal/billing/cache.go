package billing

import (
	"context"
	"log"

	"github.com/redis/go-redis/v9"

	"github.com/acme/lattice/libs/keys"
)

// MemoryCache peeks at a workspace's cached memories to size the storage add-on.
type MemoryCache struct {
	rdb *redis.Client
}

func NewMemoryCache(rdb *redis.Client) *MemoryCache { return &MemoryCache{rdb: rdb} }

func (c *MemoryCache) RecentSize(ctx context.Context, workspaceID string) (int64, error) {
	n, err := c.rdb.StrLen(ctx, keys.Memory(workspaceID)).Result() // expect: MOL102
	if err != nil {
		log.Printf("mem: cache miss for %s, agent_memories not sized", workspaceID)
	}
	return n, err
}

// Bump counts an org's API calls against its plan.
func (c *MemoryCache) Bump(ctx context.Context, orgID string) error {
	return c.rdb.Incr(ctx, keys.Quota(orgID)).Err()
}
