// Package store is the control plane's access to its own Postgres (orgs, billing, DNS, jobs).
package store

import (
	"context"
	"database/sql"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/moleculeai/fleet/internal/controlplane/store/queries"
	"github.com/moleculeai/fleet/pkg/dbx"
	"github.com/moleculeai/fleet/pkg/schema"
)

type Org struct {
	ID, Slug, Host string
}

type Store struct {
	pool *pgxpool.Pool
	sql  *sql.DB
	log  *slog.Logger
}

func New(pool *pgxpool.Pool, db *sql.DB, log *slog.Logger) *Store {
	return &Store{pool: pool, sql: db, log: log}
}

func (s *Store) ListOrgs(ctx context.Context) ([]Org, error) {
	rows, err := s.pool.Query(ctx, queries.ListOrgs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Org
	for rows.Next() {
		var o Org
		if err := rows.Scan(&o.ID, &o.Slug, &o.Host); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

type PlanSeats struct {
	Plan  string
	Orgs  int64
	Seats int64
}

// The platform must never run `SELECT org_id, count(*) FROM agent_memories GROUP BY org_id`;
// per-org memory usage comes from the tenants' own heartbeat.
//
// BillingRollup groups billing accounts by plan; it never looks at agent_memories.
func (s *Store) BillingRollup(ctx context.Context) ([]PlanSeats, error) {
	rows, err := s.pool.Query(ctx, queries.BillingRollup)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PlanSeats
	for rows.Next() {
		var p PlanSeats
		if err := rows.Scan(&p.Plan, &p.Orgs, &p.Seats); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// InventoryCounts feeds the fleet dashboard's header.
func (s *Store) InventoryCounts(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, table := range []string{schema.TableOrgs, schema.TableDNSRecords, schema.TableProvisionJob} {
		n, err := dbx.CountRows(ctx, s.sql, table)
		if err != nil {
			return nil, err
		}
		out[table] = n
	}
	s.log.Info("inventory counted; agent_memories stay on the tenants", "tables", len(out))
	return out, nil
}
