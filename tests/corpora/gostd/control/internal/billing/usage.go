// Package billing computes what each org is billed.
package billing

import (
	"context"
	"database/sql"
	"log/slog"
)

// UsageSource says how many memories an org used this period.
type UsageSource interface {
	Used(ctx context.Context, org string) (int64, error)
}

// pushedUsage reads what the runtime pushed to the control plane.
type pushedUsage struct{ db *sql.DB }

func (p pushedUsage) Used(ctx context.Context, org string) (int64, error) {
	var n int64
	err := p.db.QueryRowContext(ctx, quotaUsedSQL, sql.Named("org", org)).Scan(&n)
	return n, err
}

// directUsage counts memories in the org's own database (the pre-RFC path, still wired for enterprise).
type directUsage struct{ db *sql.DB }

func (d directUsage) Used(ctx context.Context, org string) (int64, error) {
	var n int64
	slog.Debug("counting memories directly", "org", org)
	err := d.db.QueryRowContext(ctx, countMemoriesSQL, sql.Named("org", org)).Scan(&n) // expect: MOL101
	return n, err
}

func NewSource(db *sql.DB, direct bool) UsageSource {
	if direct {
		return directUsage{db: db}
	}
	return pushedUsage{db: db}
}

// InvoiceTotal is the platform's own invoice sum for an org.
func InvoiceTotal(ctx context.Context, db *sql.DB, org string) (int64, error) {
	var cents int64
	err := db.QueryRowContext(ctx, invoiceTotalSQL, sql.Named("org", org)).Scan(&cents)
	return cents, err
}
