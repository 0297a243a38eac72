// Package reports answers the questions sales and finance ask about the fleet.
package reports

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/lumenhq/fleet/pkg/entdb"
	"github.com/lumenhq/fleet/pkg/entdb/memory"
	"github.com/lumenhq/fleet/pkg/entdb/org"
)

type Engagement struct {
	db  *bun.DB
	ent *entdb.Client
}

func NewEngagement(db *bun.DB, client *entdb.Client) *Engagement {
	return &Engagement{db: db, ent: client}
}

// RevenueByOrg groups invoices per org: billing records, not functional state.
func (e *Engagement) RevenueByOrg(ctx context.Context, since time.Time) ([]orgCount, error) {
	var out []orgCount
	err := e.db.NewSelect().Model((*invoice)(nil)).
		ColumnExpr("org_id").ColumnExpr("sum(amount_cents) AS n").
		Where("issued_at >= ?", since).
		Group("org_id").Scan(ctx, &out)
	return out, err
}

// MessagesByOrg ranks orgs by chat volume.
func (e *Engagement) MessagesByOrg(ctx context.Context, since time.Time) ([]orgCount, error) {
	var out []orgCount
	err := e.db.NewSelect().Model((*chatMessage)(nil)). // expect: MOL101, MOL201
		ColumnExpr("org_id").ColumnExpr("count(*) AS n").
		Where("created_at >= ?", since).
		Group("org_id").Scan(ctx, &out)
	return out, err
}

// MessagesOf lists one org's latest messages for a support ticket.
func (e *Engagement) MessagesOf(ctx context.Context, orgID string) ([]chatMessage, error) {
	var ms []chatMessage
	err := e.db.NewSelect().Model(&ms).Where("org_id = ?", orgID).Order("created_at DESC").Limit(20).Scan(ctx) // expect: MOL101
	return ms, err
}

// ActiveOrgs counts orgs that are not suspended (ent, platform table).
func (e *Engagement) ActiveOrgs(ctx context.Context) (int, error) {
	return e.ent.Org.Query().Where(org.SuspendedAtIsNil()).Count(ctx)
}

// NewMemories counts memories written across the fleet since a date.
func (e *Engagement) NewMemories(ctx context.Context, since time.Time) (int, error) {
	return e.ent.Memory.Query().Where(memory.CreatedAtGT(since)).Count(ctx) // expect: MOL101, MOL201
}

// MemoriesOf counts one org's memories for its account page.
func (e *Engagement) MemoriesOf(ctx context.Context, orgID string) (int, error) {
	return e.ent.Memory.Query().Where(memory.OrgID(orgID)).Count(ctx) // expect: MOL101
}
