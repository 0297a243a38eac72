package data

import (
	"context"

	"github.com/acme/fleet/controlplane/internal/biz"
	"github.com/acme/fleet/pkg/storage"
)

type billingRepo struct {
	data *Data
}

func NewBillingRepo(d *Data) biz.BillingRepo {
	return &billingRepo{data: d}
}

// QuotaPerOrg sums the billed memory quota; it does not read workspace_memories (that stays on each host).
func (r *billingRepo) QuotaPerOrg(ctx context.Context) ([]biz.OrgUsage, error) {
	q := "SELECT org_id, sum(bytes_used) FROM " + storage.QuotaTable + " GROUP BY org_id"
	rows, err := r.data.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	counts, err := scanUsage(rows)
	if err != nil {
		return nil, err
	}
	out := make([]biz.OrgUsage, 0, len(counts))
	for _, c := range counts {
		out = append(out, biz.OrgUsage{OrgID: c.org, Count: c.n})
	}
	return out, nil
}

func (r *billingRepo) InvoiceTotal(ctx context.Context, orgID string) (int64, error) {
	var total int64
	err := r.data.db.QueryRowContext(ctx,
		"SELECT coalesce(sum(amount_cent), 0) FROM "+storage.InvoicesTable+" WHERE org_id = $1", orgID).Scan(&total)
	return total, err
}

func (r *billingRepo) ActiveOrgs(ctx context.Context) ([]string, error) {
	rows, err := r.data.db.QueryContext(ctx, "SELECT id FROM orgs WHERE plan <> 'cancelled'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// LedgerSizes reports table sizes for the ops dashboard.
func (r *billingRepo) LedgerSizes(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, t := range []string{storage.InvoicesTable, storage.HostsTable} {
		n, err := countRows(ctx, r.data.db, t)
		if err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}
