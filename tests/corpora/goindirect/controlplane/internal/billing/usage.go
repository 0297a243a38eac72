package billing

import (
	"context"
	"database/sql"
	"time"

	"github.com/orbitlabs/orbit/pkg/sqlq"
	"github.com/orbitlabs/orbit/pkg/tables"
)

type Usage struct {
	db     *sql.DB
	events *counter
}

func NewUsage(db *sql.DB) *Usage {
	return &Usage{db: db, events: newCounter(db, tables.Events)}
}

// ActivityThisMonth is the fleet's activity volume, for the capacity dashboard.
func (u *Usage) ActivityThisMonth(ctx context.Context) (int64, error) {
	now := time.Now()
	return u.events.Since(ctx, time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)) // expect: MOL101, MOL201
}

// platformCount counts a control-plane table; it is only ever given the platform's own tables.
func (u *Usage) platformCount(ctx context.Context, table string, where ...string) (int64, error) {
	var n int64
	err := u.db.QueryRowContext(ctx, sqlq.Count(table, where...)).Scan(&n)
	return n, err
}

// OpenInvoices and QuotaRows are billing's own records.
func (u *Usage) OpenInvoices(ctx context.Context) (int64, error) {
	return u.platformCount(ctx, tables.Invoices, "paid_at IS NULL")
}

func (u *Usage) QuotaRows(ctx context.Context) (int64, error) {
	return u.platformCount(ctx, tables.MemoryQuotas)
}

// UsageByOrg sums what the tenants pushed: the platform's own table, grouped by org.
func (u *Usage) UsageByOrg(ctx context.Context) (*sql.Rows, error) {
	return u.db.QueryContext(ctx, "SELECT org_id, sum(quantity) FROM "+tables.UsageRecords+" GROUP BY org_id")
}

// StoredMemories totals the memories each org holds, for the storage line of the invoice.
func (u *Usage) StoredMemories(ctx context.Context) (*sql.Rows, error) {
	q := sqlq.Select(tables.Memories, "org_id", "count(*)") + " GROUP BY org_id"
	return u.db.QueryContext(ctx, q) // expect: MOL101, MOL201
}
