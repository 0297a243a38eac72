// Package cpdb is the control plane's own Postgres: orgs, instances,
// usage records, DNS records. Never a tenant database.
package cpdb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	_ "github.com/lib/pq"
)

const (
	tableOrgs      = "orgs"
	tableInstances = "org_instances"
	tableUsage     = "usage_records"
	tableDNS       = "dns_records"
	tableQuotas    = "workspace_quotas"
)

type Store struct {
	db *sql.DB
}

func Open(url string) (*Store, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, fmt.Errorf("open cp postgres: %w", err)
	}
	return &Store{db: db}, db.Ping()
}

func (s *Store) DB() *sql.DB { return s.db }

// Org is a customer org as the control plane knows it.
type Org struct {
	ID         string
	Slug       string
	InstanceID string
	PrivateIP  string
}

// ActiveOrgs lists every org with a running instance.
func (s *Store) ActiveOrgs(ctx context.Context) ([]Org, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, o.slug, i.instance_id, i.private_ip
		FROM orgs o JOIN org_instances i ON i.org_id = o.id WHERE i.state = 'running'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Org
	for rows.Next() {
		var o Org
		if err := rows.Scan(&o.ID, &o.Slug, &o.InstanceID, &o.PrivateIP); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// countTable counts the rows of one of the control plane's own tables.
func (s *Store) countTable(ctx context.Context, table string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n, err
}

// Totals is the admin dashboard's header line.
func (s *Store) Totals(ctx context.Context) (orgs, instances, records int, err error) {
	if orgs, err = s.countTable(ctx, tableOrgs); err != nil {
		return
	}
	if instances, err = s.countTable(ctx, tableInstances); err != nil {
		return
	}
	records, err = s.countTable(ctx, tableDNS)
	return
}

// QuotaFor is the workspace quota of an org's plan.
func (s *Store) QuotaFor(ctx context.Context, orgID string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT max_workspaces FROM "+tableQuotas+" WHERE org_id = $1", orgID).Scan(&n)
	return n, err
}

// RecordUsage writes one metered line for an org.
func (s *Store) RecordUsage(ctx context.Context, orgID, meter string, qty int64, at time.Time) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO "+tableUsage+" (org_id, meter, quantity, recorded_at) VALUES ($1, $2, $3, $4)",
		orgID, meter, qty, at)
	return err
}

// UsageByOrg sums this month's metered usage per org for invoicing.
func (s *Store) UsageByOrg(ctx context.Context, since time.Time) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT org_id, sum(quantity) FROM "+tableUsage+" WHERE recorded_at >= $1 GROUP BY org_id", since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var org string
		var q int64
		if err := rows.Scan(&org, &q); err != nil {
			return nil, err
		}
		out[org] = q
	}
	return out, rows.Err()
}

// InstanceForOrg returns the org's running instance.
func (s *Store) InstanceForOrg(ctx context.Context, orgID string) (Org, error) {
	var o Org
	err := s.db.QueryRowContext(ctx, `SELECT o.id, o.slug, i.instance_id, i.private_ip FROM orgs o
		JOIN org_instances i ON i.org_id = o.id WHERE o.id = $1`, orgID).Scan(&o.ID, &o.Slug, &o.InstanceID, &o.PrivateIP)
	return o, err
}
