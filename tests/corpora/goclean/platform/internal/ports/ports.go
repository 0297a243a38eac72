// Package ports declares what the fleet service needs from the outside world.
package ports

import "context"

// MemoryCounter counts a workspace's memories (sizing the storage add-on).
type MemoryCounter interface {
	CountMemories(ctx context.Context, orgID string) (int64, error)
}

// OrgLister lists the orgs we host.
type OrgLister interface {
	ListOrgs(ctx context.Context) ([]Org, error)
}

type Org struct {
	ID   string
	Slug string
}
