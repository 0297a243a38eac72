// Package billing meters org usage and writes usage_records for Stripe.
package billing

import (
	"context"
	"database/sql"
	"log"
	"time"

	"github.com/Molecule-AI/molecule-controlplane/internal/cpdb"
	"github.com/Molecule-AI/molecule-pkg/sqlutil"
)

// Meterer runs the hourly usage job.
type Meterer struct {
	store     *cpdb.Store
	analytics *sql.DB // logical replica of every tenant's tables (wal_level=logical)
}

func NewMeterer(store *cpdb.Store, analytics *sql.DB) *Meterer {
	return &Meterer{store: store, analytics: analytics}
}

// Hourly counts each meter since the last run and records it.
func (m *Meterer) Hourly(ctx context.Context, orgID string, since time.Time) error {
	for name, mt := range meters {
		n, err := sqlutil.CountSince(ctx, m.analytics, mt.table, since) // expect: MOL201
		if err != nil {
			log.Printf("billing: meter %s failed: %v", name, err)
			continue
		}
		if err := m.store.RecordUsage(ctx, orgID, name, n, time.Now()); err != nil {
			return err
		}
	}
	for name, mt := range platformMeters {
		n, err := sqlutil.CountSince(ctx, m.store.DB(), mt.table, since)
		if err != nil {
			return err
		}
		if err := m.store.RecordUsage(ctx, orgID, name, n, time.Now()); err != nil {
			return err
		}
	}
	return nil
}
