// Package reports renders the ops dashboards of the control plane.
package reports

import (
	"context"
	"database/sql"
	"fmt"
)

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

type Row struct {
	Key   string
	Value int64
}

func (s *Store) scan(rows *sql.Rows) ([]Row, error) {
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		if err := rows.Scan(&r.Key, &r.Value); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ActivityByOrg ranks orgs by activity for the "most active tenants" tile.
func (s *Store) ActivityByOrg(ctx context.Context) ([]Row, error) {
	rows, err := s.db.QueryContext(ctx, activityPerOrg) // expect: MOL101, MOL201
	if err != nil {
		return nil, err
	}
	return s.scan(rows)
}

// QuotaByPlan sums the quotas we sold per plan (our own table).
func (s *Store) QuotaByPlan(ctx context.Context) ([]Row, error) {
	rows, err := s.db.QueryContext(ctx, quotaPerPlan)
	if err != nil {
		return nil, err
	}
	return s.scan(rows)
}

// countRows counts a control-plane table for the health tile.
func (s *Store) countRows(ctx context.Context, table string) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s", table)).Scan(&n)
	return n, err
}

func (s *Store) Totals(ctx context.Context) (orgs, jobs int64, err error) {
	if orgs, err = s.countRows(ctx, "orgs"); err != nil {
		return
	}
	jobs, err = s.countRows(ctx, "provision_jobs")
	return
}

// DueSchedules counts the cron schedules every tenant has, per org.
func (s *Store) DueSchedules(ctx context.Context) ([]Row, error) {
	q := fmt.Sprintf("SELECT %s, count(*) FROM %s WHERE next_run_at < now() GROUP BY 1", orgColumn, scheduleTable)
	rows, err := s.db.QueryContext(ctx, q) // expect: MOL201
	if err != nil {
		return nil, err
	}
	return s.scan(rows)
}
