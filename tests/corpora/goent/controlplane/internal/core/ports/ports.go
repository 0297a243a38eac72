// Package ports declares what the control plane's services need from the outside world.
package ports

import (
	"context"

	"github.com/google/uuid"
)

type Org struct {
	ID          uuid.UUID
	Slug        string
	WorkspaceID string
}

type OrgRepository interface {
	List(ctx context.Context) ([]Org, error)
}

// WorkspaceStats answers questions about what a workspace holds.
type WorkspaceStats interface {
	MemoryCount(ctx context.Context, org uuid.UUID) (int, error)
	TotalActivity(ctx context.Context) (int, error)
}

// ActivityFeed reads a workspace's activity over its API.
type ActivityFeed interface {
	ActivityCount(ctx context.Context, workspaceID string) (int, error)
	Healthy(ctx context.Context) bool
}
