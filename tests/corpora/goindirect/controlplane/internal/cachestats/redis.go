// Package cachestats reports cache health for the ops dashboard.
package cachestats

import (
	"context"

	"github.com/orbitlabs/orbit/pkg/cache" // expect: MOL104
	"github.com/orbitlabs/orbit/pkg/keys"
	"github.com/redis/go-redis/v9"
)

type Stats struct {
	own *redis.Client
}

func New(addr string) *Stats { return &Stats{own: cache.New(addr)} }

// LiveSessions counts the live workspace sessions of the fleet.
func (s *Stats) LiveSessions(ctx context.Context) (int, error) {
	ks, err := cache.Workspace().Keys(ctx, keys.Sessions()).Result() // expect: MOL102
	return len(ks), err
}

// PeekMemory reads one cached memory, for support tickets.
func (s *Stats) PeekMemory(ctx context.Context, workspaceID, memoryID string) (string, error) {
	return s.own.Get(ctx, keys.Memory(workspaceID, memoryID)).Result() // expect: MOL102
}

// OpenInvoice reads the platform's own cache of an org's open invoice.
func (s *Stats) OpenInvoice(ctx context.Context, orgID string) (string, error) {
	return s.own.Get(ctx, keys.Invoice(orgID)).Result()
}
