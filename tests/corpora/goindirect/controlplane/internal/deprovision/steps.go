package deprovision

import (
	"context"
	"database/sql"
	"time"

	"github.com/orbitlabs/orbit/pkg/tables"
)

// Step is one table cleaned when an org is torn down.
type Step struct {
	Table  string
	Column string
	Grace  time.Duration
}

func runSteps(ctx context.Context, db *sql.DB, orgID string, steps ...Step) error {
	for _, s := range steps {
		if err := runStep(ctx, db, orgID, s); err != nil {
			return err
		}
	}
	return nil
}

func runStep(ctx context.Context, db *sql.DB, orgID string, s Step) error {
	_, err := db.ExecContext(ctx, "DELETE FROM "+s.Table+" WHERE "+s.Column+" = $1", orgID) // expect: MOL101
	return err
}

// Teardown is what the deprovision worker runs for a cancelled org.
func Teardown(ctx context.Context, db *sql.DB, orgID string) error {
	return runSteps(ctx, db, orgID,
		Step{Table: tables.Invoices, Column: "org_id", Grace: 0},
		Step{Table: tables.Schedules, Column: "org_id", Grace: time.Hour},
	)
}
