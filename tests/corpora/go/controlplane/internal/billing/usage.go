// Package billing meters usage and renders invoices.
package billing

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/acme/molecule/pkg/dbx"
	"github.com/acme/molecule/pkg/tables"
)

type Snapshot struct {
	OrgID     string `db:"org_id"`
	Seats     int    `db:"seats"`
	StorageMB int    `db:"storage_mb"`
}

type OrgCount struct {
	OrgID string `db:"org_id"`
	N     int64  `db:"n"`
}

type Meter struct {
	db *sqlx.DB
}

func NewMeter(db *sqlx.DB) *Meter { return &Meter{db: db} }

// Record stores a snapshot a tenant pushed to /v1/orgs/{org}/usage.
func (m *Meter) Record(ctx context.Context, s Snapshot) error {
	_, err := m.db.NamedExecContext(ctx, insertSnapshot, s)
	return err
}

func (m *Meter) Since(ctx context.Context, t time.Time) ([]Snapshot, error) {
	var out []Snapshot
	err := m.db.SelectContext(ctx, &out, snapshotsSince, t)
	return out, err
}

// MemoryUsage counts memories per org straight from the workspace tables.
func (m *Meter) MemoryUsage(ctx context.Context) ([]OrgCount, error) {
	var out []OrgCount
	err := m.db.SelectContext(ctx, &out, memoryUsage) // expect: MOL101, MOL201
	return out, err
}

// Seats is billed from the platform's own accounts table.
func (m *Meter) Seats(ctx context.Context, orgID string) (int64, error) {
	return dbx.CountForOrg(ctx, m.db, tables.BillingAccts, orgID)
}

// ScheduledRuns bills cron runs by counting the org's schedules.
func (m *Meter) ScheduledRuns(ctx context.Context, orgID string) (int64, error) {
	return dbx.CountForOrg(ctx, m.db, tables.Schedules, orgID) // expect: MOL101
}

// AllOrgs is only ever asked for platform tables.
func (m *Meter) AllOrgs(ctx context.Context) ([]struct {
	ID   string `db:"id"`
	Name string `db:"name"`
}, error) {
	var out []struct {
		ID   string `db:"id"`
		Name string `db:"name"`
	}
	err := dbx.ListAll(ctx, m.db, &out, tables.Orgs)
	return out, err
}
