package fleet

import (
	"context"
	"database/sql"

	"github.com/lumenhq/fleet/pkg/pgrepo"
	"github.com/lumenhq/fleet/pkg/tables"
)

// runEventStats counts run events for the fleet report.
type runEventStats struct {
	pgrepo.Base
}

func newRunEventStats(db *sql.DB) *runEventStats {
	return &runEventStats{Base: pgrepo.Base{DB: db, Table: tables.RunEvents}}
}

// Total is every run event of every org.
func (s *runEventStats) Total(ctx context.Context) (int64, error) {
	return s.Count(ctx) // expect: MOL101, MOL201
}

// quotaStats counts the quotas the platform itself stores.
type quotaStats struct {
	pgrepo.Base
}

func newQuotaStats(db *sql.DB) *quotaStats {
	return &quotaStats{Base: pgrepo.Base{DB: db, Table: tables.MemoryQuotas}}
}

func (s *quotaStats) Total(ctx context.Context) (int64, error) {
	return s.Count(ctx)
}
