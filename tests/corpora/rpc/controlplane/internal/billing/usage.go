// Package billing meters plan usage for invoices.
package billing

import (
	"context"
	"net/http"

	"connectrpc.com/connect"
	memoryv1 "github.com/acme/molecule/gen/go/memory/v1"
	"github.com/acme/molecule/gen/go/memory/v1/memoryv1connect" // expect: MOL104
	quotav1 "github.com/acme/molecule/gen/go/quota/v1"
	"github.com/acme/molecule/controlplane/internal/config"
	"github.com/acme/molecule/pkg/dialer"
	"github.com/acme/molecule/pkg/reporting" // expect: MOL104
	"github.com/jackc/pgx/v5/pgxpool"
)

// UsageCollector gathers the numbers an invoice is made of.
type UsageCollector struct {
	memories memoryv1connect.MemoryServiceClient
	quotas   quotav1.MemoryQuotaServiceClient
	pool     *pgxpool.Pool
}

func NewUsageCollector(cfg config.Config, pool *pgxpool.Pool) (*UsageCollector, error) {
	conn, err := dialer.Dial(cfg.QuotaAddr)
	if err != nil {
		return nil, err
	}
	return &UsageCollector{
		memories: memoryv1connect.NewMemoryServiceClient(http.DefaultClient, cfg.WorkspaceURL),
		quotas:   quotav1.NewMemoryQuotaServiceClient(conn),
		pool:     pool,
	}, nil
}

// BillableMemories is what the "memories" line of an invoice shows.
func (u *UsageCollector) BillableMemories(ctx context.Context, workspaceID string) (int, error) {
	res, err := u.memories.ListMemories(ctx, connect.NewRequest(&memoryv1.ListMemoriesRequest{ // expect: MOL103
		WorkspaceId: workspaceID,
		PageSize:    1000,
	}))
	if err != nil {
		return 0, err
	}
	return len(res.Msg.Memories), nil
}

// Limit is the plan's memory quota, served by our own quota service.
func (u *UsageCollector) Limit(ctx context.Context, orgID string) (int64, error) {
	q, err := u.quotas.GetMemoryQuota(ctx, &quotav1.GetMemoryQuotaRequest{OrgId: orgID})
	if err != nil {
		return 0, err
	}
	return q.MaxMemories, nil
}

// StorageBytes bills memory storage by size.
func (u *UsageCollector) StorageBytes(ctx context.Context) (int64, error) {
	_, bytes, err := reporting.MemoryStats(ctx, u.pool) // expect: MOL101
	return bytes, err
}
