package postgres

import (
	"context"

	"github.com/google/uuid"
	"github.com/nimbus/fleet/pkg/wsmodel"
	"github.com/uptrace/bun"
)

// memoryQuota is the plan limit of an org's memory store (a control-plane table).
type memoryQuota struct {
	bun.BaseModel `bun:"table:memory_quotas"`

	OrgID      uuid.UUID `bun:"org_id,pk"`
	LimitBytes int64     `bun:"limit_bytes"`
	UsedBytes  int64     `bun:"used_bytes"`
}

type invoice struct {
	bun.BaseModel `bun:"table:invoices"`

	ID     uuid.UUID `bun:",pk"`
	OrgID  uuid.UUID `bun:"org_id"`
	Amount int64     `bun:"amount_cents"`
}

type UsageRepo struct {
	db *bun.DB
}

func NewUsageRepo(db *bun.DB) *UsageRepo {
	return &UsageRepo{db: db}
}

type orgCount struct {
	OrgID uuid.UUID `bun:"org_id"`
	N     int       `bun:"n"`
}

func (r *UsageRepo) Quota(ctx context.Context, org uuid.UUID) (memoryQuota, error) {
	var q memoryQuota
	err := r.db.NewSelect().Model(&q).Where("org_id = ?", org).Scan(ctx)
	return q, err
}

// QuotaUsage is billing's view of every org's quota (platform data, aggregated on purpose).
func (r *UsageRepo) QuotaUsage(ctx context.Context) ([]orgCount, error) {
	var out []orgCount
	err := r.db.NewSelect().Model((*memoryQuota)(nil)).Column("org_id").ColumnExpr("sum(used_bytes) AS n").Group("org_id").Scan(ctx, &out)
	return out, err
}

func (r *UsageRepo) InvoicesPerOrg(ctx context.Context) ([]orgCount, error) {
	var out []orgCount
	err := r.db.NewSelect().Model((*invoice)(nil)).Column("org_id").ColumnExpr("count(*) AS n").Group("org_id").Scan(ctx, &out)
	return out, err
}

// MessagesPerOrg feeds the "most active orgs" chart.
func (r *UsageRepo) MessagesPerOrg(ctx context.Context) ([]orgCount, error) {
	var out []orgCount
	err := r.db.NewSelect().Model((*wsmodel.AgentMessage)(nil)).Column("org_id").ColumnExpr("count(*) AS n").Group("org_id").Scan(ctx, &out) // expect: MOL101, MOL201
	return out, err
}

// PurgeSchedules drops an offboarded org's schedules.
func (r *UsageRepo) PurgeSchedules(ctx context.Context, org uuid.UUID) error {
	_, err := r.db.NewDelete().Model((*wsmodel.Schedule)(nil)).Where("org_id = ?", org).Exec(ctx) // expect: MOL101
	return err
}
