package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/volatiletech/sqlboiler/v4/queries"

	"github.com/lattice/hive/pkg/dbgen/wsmodels"
)

type kindCount struct {
	OrgID string `boil:"org_id"`
	Kind  string `boil:"kind"`
	N     int64  `boil:"n"`
}

// EventMix is the weekly product-analytics breakdown of what agents do, per org.
func EventMix(ctx context.Context, ws *sql.DB, since time.Time) ([]kindCount, error) {
	var out []kindCount
	q := fmt.Sprintf(`SELECT org_id, kind, count(*) AS n FROM %s WHERE created_at >= $1 GROUP BY org_id, kind`,
		wsmodels.TableNames.ActivityEvents)
	err := queries.Raw(q, since).Bind(ctx, ws, &out) // expect: MOL101, MOL201
	return out, err
}
