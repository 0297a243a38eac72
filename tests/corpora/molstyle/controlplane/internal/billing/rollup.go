package billing

import (
	"context"
	"time"
)

// A2ARollup is the monthly per-org A2A call count, read off the replica.
func (m *Meterer) A2ARollup(ctx context.Context, since time.Time) (map[string]int64, error) {
	rows, err := m.analytics.QueryContext(ctx, q.a2aRollup, since) // expect: MOL101, MOL201
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanTotals(rows)
}

// InvoiceTotals sums what we will bill each org this month.
func (m *Meterer) InvoiceTotals(ctx context.Context, since time.Time) (map[string]int64, error) {
	rows, err := m.store.DB().QueryContext(ctx, q.invoiceTotals, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanTotals(rows)
}
