// Package billing meters and invoices orgs.
package billing

import (
	"context"
	"database/sql"
	"log/slog"

	"github.com/lumenhq/fleet/controlplane/internal/queries"
)

type UsageRepo struct {
	db  *sql.DB
	log *slog.Logger
}

func NewUsageRepo(db *sql.DB, log *slog.Logger) *UsageRepo {
	return &UsageRepo{db: db, log: log}
}

// InvoiceTotals is billing's own data.
func (r *UsageRepo) InvoiceTotals(ctx context.Context) (map[string]int64, error) {
	return r.sumByOrg(ctx, queries.OrgInvoiceTotals)
}

// MemoryCounts was added for the fleet dashboard.
func (r *UsageRepo) MemoryCounts(ctx context.Context) (map[string]int64, error) {
	r.log.Info("counting workspace_memories per org for the dashboard")
	return r.sumByOrg(ctx, queries.MemoryCountsByOrg) // expect: MOL101, MOL201
}

func (r *UsageRepo) Quota(ctx context.Context, orgID string) (int64, error) {
	var n int64
	err := r.db.QueryRowContext(ctx, queries.QuotaForOrg, orgID).Scan(&n)
	return n, err
}

func (r *UsageRepo) sumByOrg(ctx context.Context, query string) (map[string]int64, error) {
	rows, err := r.db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var org string
		var n int64
		if err := rows.Scan(&org, &n); err != nil {
			return nil, err
		}
		out[org] = n
	}
	return out, rows.Err()
}
