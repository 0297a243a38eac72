// Package audit lists secrets that were rotated late, using Bun.
package audit

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

type secretRow struct {
	bun.BaseModel `bun:"table:secrets,alias:s"`

	ID        int64     `bun:"id,pk"`
	OrgID     string    `bun:"org_id"`
	RotatedAt time.Time `bun:"rotated_at"`
}

type invoiceRow struct {
	bun.BaseModel `bun:"table:activity_invoices"`

	ID          int64  `bun:"id,pk"`
	OrgID       string `bun:"org_id"`
	AmountCents int64  `bun:"amount_cents"`
}

type Auditor struct {
	db *bun.DB
}

func New(db *bun.DB) *Auditor { return &Auditor{db: db} }

func (a *Auditor) StaleSecrets(ctx context.Context, org string, before time.Time) ([]secretRow, error) {
	var rows []secretRow
	err := a.db.NewSelect().Model(&rows).Where("org_id = ?", org).Where("rotated_at < ?", before).Scan(ctx) // expect: MOL101
	return rows, err
}

// Invoices is the platform's own invoice table; "activity" here is billing activity.
func (a *Auditor) Invoices(ctx context.Context, org string) ([]invoiceRow, error) {
	var rows []invoiceRow
	err := a.db.NewSelect().Model(&rows).Where("org_id = ?", org).Scan(ctx)
	return rows, err
}

type orgCount struct {
	OrgID string `bun:"org_id"`
	N     int    `bun:"n"`
}

// SchedulesPerOrg feeds the capacity dashboard.
func (a *Auditor) SchedulesPerOrg(ctx context.Context) ([]orgCount, error) {
	var out []orgCount
	err := a.db.NewSelect().TableExpr("schedules").ColumnExpr("org_id, count(*) AS n").Group("org_id").Scan(ctx, &out) // expect: MOL201
	return out, err
}

// MemoryRows runs the raw statement the export tool hands it.
func (a *Auditor) MemoryRows(ctx context.Context, org string) ([]map[string]any, error) {
	var out []map[string]any
	err := a.db.NewRaw(memoryExport, bun.Ident("org_id"), org).Scan(ctx, &out) // expect: MOL101
	return out, err
}
