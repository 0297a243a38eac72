package reports

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/doug-martin/goqu/v9"
	_ "github.com/doug-martin/goqu/v9/dialect/postgres"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"

	"github.com/acme/molecule/pkg/tables"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// MessagesPerOrg is the squirrel version of the insights query.
func MessagesPerOrg(ctx context.Context, pool *pgxpool.Pool) (map[string]int64, error) {
	q, args, err := psql.Select("org_id", "count(*)").From(tables.Messages).GroupBy("org_id").ToSql()
	if err != nil {
		return nil, err
	}
	rows, err := pool.Query(ctx, q, args...) // expect: MOL101, MOL201
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var org string
		var n int64
		if err := rows.Scan(&org, &n); err != nil {
			return nil, err
		}
		out[org] = n
	}
	return out, rows.Err()
}

// OrgDomains lists one org's DNS names.
func OrgDomains(ctx context.Context, pool *pgxpool.Pool, orgID string) ([]string, error) {
	q, args, err := psql.Select("fqdn").From(tables.DNSRecords).Where(sq.Eq{"org_id": orgID}).ToSql()
	if err != nil {
		return nil, err
	}
	rows, err := pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var fqdn string
		if err := rows.Scan(&fqdn); err != nil {
			return nil, err
		}
		out = append(out, fqdn)
	}
	return out, rows.Err()
}

var pg = goqu.Dialect("postgres")

// ActivityKinds counts activity by kind over every org (goqu).
func ActivityKinds(ctx context.Context, db *sqlx.DB) ([]KindCount, error) {
	ds := pg.From(tables.Activity).Select(goqu.C("kind"), goqu.COUNT("*").As("n")).GroupBy("kind")
	q, _, err := ds.ToSQL()
	if err != nil {
		return nil, err
	}
	var out []KindCount
	err = db.SelectContext(ctx, &out, q) // expect: MOL101, MOL201
	return out, err
}

// FailedJobs lists failed provisioning jobs (goqu, platform table).
func FailedJobs(ctx context.Context, db *sqlx.DB) ([]int64, error) {
	q, _, err := pg.From(tables.ProvisionJobs).Select("id").Where(goqu.C("state").Eq("failed")).ToSQL()
	if err != nil {
		return nil, err
	}
	var ids []int64
	err = db.SelectContext(ctx, &ids, q)
	return ids, err
}
