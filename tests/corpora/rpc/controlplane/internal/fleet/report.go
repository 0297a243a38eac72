// Package fleet builds the weekly fleet report: how many orgs run which
// version, and whether their tenants answer.
package fleet

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	memoryv1 "github.com/acme/molecule/gen/go/memory/v1" // expect: MOL104
	"github.com/acme/molecule/pkg/dialer"
	"google.golang.org/grpc/health/grpc_health_v1"
)

type Org struct {
	ID   string
	Slug string
}

type Reporter struct {
	db *sql.DB
}

func NewReporter(db *sql.DB) *Reporter {
	return &Reporter{db: db}
}

func (r *Reporter) activeOrgs(ctx context.Context) ([]Org, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, slug FROM orgs WHERE deleted_at IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var orgs []Org
	for rows.Next() {
		var o Org
		if err := rows.Scan(&o.ID, &o.Slug); err != nil {
			return nil, err
		}
		orgs = append(orgs, o)
	}
	return orgs, rows.Err()
}

// TotalMemories sums every org's memories for the investor dashboard.
func (r *Reporter) TotalMemories(ctx context.Context) (int64, error) {
	orgs, err := r.activeOrgs(ctx)
	if err != nil {
		return 0, err
	}
	var total int64
	for _, org := range orgs { // expect: MOL202
		conn, err := dialer.Dial(dialer.WorkspaceAddr(org.Slug))
		if err != nil {
			slog.Warn("dial failed", "org", org.ID, "err", err)
			continue
		}
		client := memoryv1.NewMemoryServiceClient(conn)
		resp, err := client.CountMemories(ctx, &memoryv1.CountMemoriesRequest{}) // expect: MOL103
		conn.Close()
		if err != nil {
			continue
		}
		total += resp.GetCount()
	}
	return total, nil
}

// Liveness asks each tenant's memory plugin whether it serves; no data leaves the tenant.
func (r *Reporter) Liveness(ctx context.Context) (map[string]bool, error) {
	orgs, err := r.activeOrgs(ctx)
	if err != nil {
		return nil, err
	}
	up := make(map[string]bool, len(orgs))
	for _, org := range orgs {
		conn, err := dialer.Dial(dialer.WorkspaceAddr(org.Slug))
		if err != nil {
			up[org.ID] = false
			continue
		}
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		resp, err := grpc_health_v1.NewHealthClient(conn).Check(ctx, &grpc_health_v1.HealthCheckRequest{Service: "memory.v1.MemoryService"})
		cancel()
		conn.Close()
		up[org.ID] = err == nil && resp.GetStatus() == grpc_health_v1.HealthCheckResponse_SERVING
	}
	slog.Info("liveness: checked memories service of every org", "orgs", len(orgs))
	return up, nil
}
