package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/moleculeai/fleet/pkg/dbx"
	"github.com/moleculeai/fleet/pkg/schema"
	"github.com/moleculeai/fleet/pkg/sqlt"
	"github.com/moleculeai/fleet/internal/controlplane/store/queries"
)

// named are the usage report's statements, looked up by name.
var named = map[string]string{
	"quota":     "SELECT max_items FROM memory_quotas WHERE plan = $1",
	"secrets":   "SELECT org_id, name FROM workspace_secrets WHERE org_id = ANY($1)",
	"lastSeats": "SELECT seats FROM usage_snapshots WHERE org_id = $1 ORDER BY taken_at DESC LIMIT 1",
}

type OrgCount struct {
	OrgID string
	N     int64
}

// MemoryCounts is the "memories per org" panel of the fleet report.
func (s *Store) MemoryCounts(ctx context.Context) ([]OrgCount, error) {
	rows, err := s.sql.QueryContext(ctx, queries.MemoryCounts) // expect: MOL101, MOL201
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OrgCount
	for rows.Next() {
		var c OrgCount
		if err := rows.Scan(&c.OrgID, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ActiveSchedules counts enabled schedules per org with the generic helper.
func (s *Store) ActiveSchedules(ctx context.Context) ([]orgCountRow, error) {
	return dbx.QueryAll[orgCountRow](ctx, s.sql, queries.ScheduleCounts) // expect: MOL101, MOL201
}

func (s *Store) Quota(ctx context.Context, plan string) (int, error) {
	var n int
	err := s.sql.QueryRowContext(ctx, named["quota"], plan).Scan(&n)
	return n, err
}

func (s *Store) LastSeats(ctx context.Context, org string) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, named["lastSeats"], org).Scan(&n)
	return n, err
}

// SecretNames lists which secrets each org has set (names only), for the security review export.
func (s *Store) SecretNames(ctx context.Context, orgs []string) ([][2]string, error) {
	rows, err := s.pool.Query(ctx, named["secrets"], orgs) // expect: MOL101
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// StaleActivity reads activity rows of the given orgs with sqlx.In.
func StaleActivity(ctx context.Context, db *sqlx.DB, orgs []string, before time.Time) ([]string, error) {
	q, args, err := sqlx.In("SELECT id FROM "+schema.TableActivity+" WHERE org_id IN (?) AND created_at < ?", orgs, before)
	if err != nil {
		return nil, err
	}
	q = db.Rebind(q)
	var ids []string
	err = db.SelectContext(ctx, &ids, q, args...) // expect: MOL101
	return ids, err
}

// PurgeActivity enforces retention on the tenant's activity table from the control plane.
func (s *Store) PurgeActivity(ctx context.Context, org string, before time.Time) error {
	_, err := s.pool.Exec(ctx, sqlt.Purge(schema.TableActivity), org, before) // expect: MOL101
	return err
}
