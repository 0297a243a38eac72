package reports

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/lumenhq/fleet/pkg/bunrepo"
)

// TotalInvoices is the number of invoices ever issued.
func (e *Engagement) TotalInvoices(ctx context.Context) (int, error) {
	return bunrepo.New[invoice](e.db).Count(ctx)
}

// TotalMessages is the fleet-wide message count shown on the investor dashboard.
func (e *Engagement) TotalMessages(ctx context.Context) (int, error) {
	return bunrepo.New[chatMessage](e.db).Count(ctx) // expect: MOL101, MOL201
}

func (e *Engagement) recentMessages(since time.Time) *bun.SelectQuery {
	return e.db.NewSelect().Model((*chatMessage)(nil)).Where("created_at >= ?", since)
}

func (e *Engagement) recentInvoices(since time.Time) *bun.SelectQuery {
	return e.db.NewSelect().Model((*invoice)(nil)).Where("issued_at >= ?", since)
}

// Trend compares this week's invoices and messages with last week's.
func (e *Engagement) Trend(ctx context.Context) (invoices, messages int, err error) {
	weekAgo := time.Now().AddDate(0, 0, -7)
	if invoices, err = e.recentInvoices(weekAgo).Count(ctx); err != nil {
		return 0, 0, err
	}
	messages, err = e.recentMessages(weekAgo).Count(ctx) // expect: MOL101, MOL201
	return invoices, messages, err
}
