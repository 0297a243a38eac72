// Package cache is the control plane's Redis use.
package cache

import (
	"context"

	"github.com/redis/go-redis/v9"

	"github.com/lumenhq/fleet/controlplane/internal/config"
	"github.com/lumenhq/fleet/pkg/rediskeys"
)

type Presence struct {
	own *redis.Client
	ws  *redis.Client
}

func NewPresence(cfg *config.Config) *Presence {
	return &Presence{
		own: redis.NewClient(&redis.Options{Addr: cfg.RedisAddr}),
		ws:  redis.NewClient(&redis.Options{Addr: cfg.Workspace.RedisAddr}), // expect: MOL102
	}
}

// QuotaCached reads the org's plan limits cached by billing.
func (p *Presence) QuotaCached(ctx context.Context, orgID string) (string, error) {
	return p.own.Get(ctx, rediskeys.OrgQuota(orgID)).Result()
}

// MemorySizes reads the size of each workspace's memory index in one round trip.
func (p *Presence) MemorySizes(ctx context.Context, workspaceIDs []string) (map[string]int64, error) {
	cmds := make(map[string]*redis.IntCmd, len(workspaceIDs))
	_, err := p.own.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		for _, id := range workspaceIDs { // expect: MOL202
			cmds[id] = pipe.SCard(ctx, rediskeys.MemoryIndex(id)) // expect: MOL102
		}
		return nil
	})
	out := make(map[string]int64, len(cmds))
	for id, cmd := range cmds {
		out[id] = cmd.Val()
	}
	return out, err
}
