// Package tenantdb reads workspace databases for the fleet dashboard.
package tenantdb

import (
	"context"

	"github.com/google/uuid"
	"github.com/nimbus/fleet/controlplane/internal/config"
	wsent "github.com/nimbus/fleet/workspace/ent" // expect: MOL104
	"github.com/nimbus/fleet/workspace/ent/memory" // expect: MOL104
)

// StatsAdapter implements ports.WorkspaceStats on the workspace's ent client.
type StatsAdapter struct {
	client *wsent.Client
}

func NewStatsAdapter(cfg config.Config) (*StatsAdapter, error) {
	client, err := wsent.Open("postgres", cfg.WorkspaceDatabaseURL) // expect: MOL102
	if err != nil {
		return nil, err
	}
	return &StatsAdapter{client: client}, nil
}

func (a *StatsAdapter) MemoryCount(ctx context.Context, org uuid.UUID) (int, error) {
	return a.client.Memory.Query().Where(memory.OrgID(org)).Count(ctx) // expect: MOL101
}

func (a *StatsAdapter) TotalActivity(ctx context.Context) (int, error) {
	return a.client.Activity.Query().Count(ctx) // expect: MOL101, MOL201
}
