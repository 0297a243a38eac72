package billing

import (
	"context"
	"database/sql"
	"time"

	"github.com/lattice/hive/pkg/dbgen/wsmodels"
)

type activityDAO struct {
	db *sql.DB
}

func (activityDAO) table() string { return wsmodels.TableNames.ActivityEvents }

func (d activityDAO) countSinceSQL() string {
	return "SELECT count(*) FROM " + d.table() + " WHERE created_at >= $1"
}

// CountSince feeds the "active workspaces" KPI.
func (d activityDAO) CountSince(ctx context.Context, since time.Time) (int64, error) {
	var n int64
	err := d.db.QueryRowContext(ctx, d.countSinceSQL(), since).Scan(&n) // expect: MOL101, MOL201
	return n, err
}
