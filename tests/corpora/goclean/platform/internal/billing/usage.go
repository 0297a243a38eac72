// Package billing computes invoices.
package billing

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"

	"github.com/acme/lattice/libs/sqlutil"
	"github.com/acme/lattice/libs/tables"
)

type UsageRepo struct {
	control   *sqlx.DB
	reporting *pgxpool.Pool
	events    string
}

func NewUsageRepo(control *sqlx.DB, reporting *pgxpool.Pool) *UsageRepo {
	return &UsageRepo{control: control, reporting: reporting, events: tables.ActivityEvents}
}

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// EventsPerOrg is the fleet dashboard's activity histogram.
func (r *UsageRepo) EventsPerOrg(ctx context.Context) (map[string]int64, error) {
	q, args, err := psql.Select("org_id", "count(*)").From(r.events).GroupBy("org_id").ToSql()
	if err != nil {
		return nil, err
	}
	rows, err := r.reporting.Query(ctx, q, args...) // expect: MOL101, MOL201
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

// BilledEventsPerOrg aggregates the events tenants pushed to us; billing_events is ours.
func (r *UsageRepo) BilledEventsPerOrg(ctx context.Context) (map[string]int64, error) {
	q, args, err := psql.Select("org_id", "sum(quantity)").From(tables.BillingEvents).GroupBy("org_id").ToSql()
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Org string `db:"org_id"`
		N   int64  `db:"sum"`
	}
	if err := r.control.SelectContext(ctx, &rows, q, args...); err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, row := range rows {
		out[row.Org] = row.N
	}
	return out, nil
}

// SecretsInUse counts workspaces holding secrets, for the vault add-on forecast.
func (r *UsageRepo) SecretsInUse(ctx context.Context) (int64, error) {
	q, args, err := psql.Select("count(DISTINCT workspace_id)").From(tables.WorkspaceSecrets).ToSql()
	if err != nil {
		return 0, err
	}
	var n int64
	err = r.reporting.QueryRow(ctx, q, args...).Scan(&n) // expect: MOL101, MOL201
	return n, err
}

// MessageVolume estimates overage for one workspace.
func (r *UsageRepo) MessageVolume(ctx context.Context, workspaceID string) (int64, error) {
	var n int64
	err := r.reporting.QueryRow(ctx, messageVolumeQuery, pgx.NamedArgs{"ws": workspaceID}).Scan(&n) // expect: MOL101
	return n, err
}

// Plan reads an org's plan from the control-plane database.
func (r *UsageRepo) Plan(ctx context.Context, orgID string) (string, int, error) {
	var plan string
	var seats int
	err := r.reporting.QueryRow(ctx, planQuery, pgx.NamedArgs{"org": orgID}).Scan(&plan, &seats)
	return plan, seats, err
}

// SchedulesFor lists the cron jobs billed as "automation minutes".
func (r *UsageRepo) SchedulesFor(ctx context.Context, workspaceIDs []string) ([]string, error) {
	q, args, err := sqlx.In(named["schedulesByWorkspace"], workspaceIDs)
	if err != nil {
		return nil, err
	}
	q = r.control.Rebind(q)
	var crons []string
	err = r.control.SelectContext(ctx, &crons, q, args...)
	return crons, err
}

// EventsByOrg sums pushed billing events.
func (r *UsageRepo) EventsByOrg(ctx context.Context, orgIDs []string) (map[string]int64, error) {
	q, args, err := sqlx.In(named["eventsByOrg"], orgIDs)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Kind string `db:"kind"`
		N    int64  `db:"sum"`
	}
	err = r.control.SelectContext(ctx, &rows, r.control.Rebind(q), args...)
	out := map[string]int64{}
	for _, row := range rows {
		out[row.Kind] = row.N
	}
	return out, err
}

// TableSizes backs the admin "database" page: control-plane tables only.
func (r *UsageRepo) TableSizes(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, t := range []string{tables.Orgs, tables.ProvisionJobs, tables.ProviderSecrets} {
		n, err := sqlutil.CountRows(ctx, r.control, t)
		if err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}
