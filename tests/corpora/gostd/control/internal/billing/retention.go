package billing

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/tally/control/internal/config"
	"example.com/tally/pkg/tables"
)

type Retention struct {
	db  *sql.DB
	cfg *config.Config
}

func NewRetention(db *sql.DB, cfg *config.Config) *Retention { return &Retention{db: db, cfg: cfg} }

// tenantSelect builds the per-org read the export used before runtimes pushed their own.
func tenantSelect(table string) string {
	return fmt.Sprintf("SELECT * FROM %s WHERE org_id = $1", table)
}

func (r *Retention) Trim(ctx context.Context, cutoff time.Time) error {
	_, err := r.db.ExecContext(ctx, "DELETE FROM "+r.cfg.ArchiveTable+" WHERE at < $1", cutoff)
	return err
}

func (r *Retention) Dump(ctx context.Context, org string) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, tenantSelect(tables.Secrets), org) // expect: MOL101
}

func (r *Retention) Orgs(ctx context.Context) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, tenantSelect(tables.Orgs), "")
}
