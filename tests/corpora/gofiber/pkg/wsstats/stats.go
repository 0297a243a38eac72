// Package wsstats reads a workspace's memory statistics with go-jet.
package wsstats

import (
	"context"
	"database/sql"

	. "github.com/go-jet/jet/v2/postgres"

	. "github.com/lattice/hive/pkg/dbgen/wsdb/table"
)

type Footprint struct {
	Count int64
	Bytes int64
}

// OrgFootprint sums one org's memories.
func OrgFootprint(ctx context.Context, db *sql.DB, orgID string) (Footprint, error) {
	var fp Footprint
	stmt := SELECT(
		COUNT(STAR).AS("footprint.count"),
		SUM(Memories.SizeBytes).AS("footprint.bytes"),
	).FROM(Memories).
		WHERE(Memories.OrgID.EQ(String(orgID)))
	err := stmt.QueryContext(ctx, db, &fp)
	return fp, err
}
