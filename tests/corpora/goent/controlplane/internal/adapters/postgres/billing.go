package postgres

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/doug-martin/goqu/v9"
	_ "github.com/doug-martin/goqu/v9/dialect/postgres"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nimbus/fleet/controlplane/ent/memoryquota"
	"github.com/nimbus/fleet/pkg/pgutil"
	"github.com/nimbus/fleet/pkg/tablenames"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// BillingStore runs billing's hand-written SQL on the control plane's pool.
type BillingStore struct {
	pool *pgxpool.Pool
}

func NewBillingStore(pool *pgxpool.Pool) *BillingStore {
	return &BillingStore{pool: pool}
}

func (s *BillingStore) OpenInvoices(ctx context.Context, org uuid.UUID) (int64, error) {
	query, args, err := psql.Select("count(*)").From(tablenames.Invoices).Where(sq.Eq{"org_id": org, "paid": false}).ToSql()
	if err != nil {
		return 0, err
	}
	var n int64
	err = s.pool.QueryRow(ctx, query, args...).Scan(&n)
	return n, err
}

// SecretsInUse bills secrets per org.
func (s *BillingStore) SecretsInUse(ctx context.Context, org uuid.UUID) (int64, error) {
	query, args, err := psql.Select("count(*)").From(tablenames.Secrets).Where(sq.Eq{"org_id": org}).ToSql()
	if err != nil {
		return 0, err
	}
	var n int64
	err = s.pool.QueryRow(ctx, query, args...).Scan(&n) // expect: MOL101
	return n, err
}

// ActivityByKind is the fleet-wide activity mix.
func (s *BillingStore) ActivityByKind(ctx context.Context) (map[string]int64, error) {
	query, args, err := goqu.Dialect("postgres").
		From(tablenames.Activities).
		Select(goqu.C("kind"), goqu.COUNT("*")).
		GroupBy("kind").
		ToSQL()
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, query, args...) // expect: MOL101, MOL201
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var kind string
		var n int64
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, err
		}
		out[kind] = n
	}
	return out, rows.Err()
}

func (s *BillingStore) QuotaUsed(ctx context.Context, org uuid.UUID) (int64, error) {
	var used int64
	err := s.pool.QueryRow(ctx, "SELECT "+memoryquota.FieldUsedBytes+" FROM "+memoryquota.Table+" WHERE org_id = $1", org).Scan(&used)
	return used, err
}

// TableSizes reports the control plane's own table sizes to the ops dashboard.
func (s *BillingStore) TableSizes(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, t := range []string{tablenames.Orgs, tablenames.Invoices, tablenames.MemoryQuotas} {
		n, err := pgutil.CountRows(ctx, s.pool, t)
		if err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}

// WipeMessages removes an offboarded org's messages from its tenant schema on the shared cluster.
func (s *BillingStore) WipeMessages(ctx context.Context, orgSlug string) error {
	table := pgx.Identifier{"tenant_" + orgSlug, tablenames.AgentMessages}.Sanitize()
	_, err := s.pool.Exec(ctx, "TRUNCATE "+table) // expect: MOL101
	return err
}
