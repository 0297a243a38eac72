// Package fleet builds the nightly fleet report.
package fleet

import (
	"context"
	"database/sql"
	"log"

	. "github.com/go-jet/jet/v2/postgres"
	"github.com/samber/lo"

	cptable "github.com/lattice/hive/controlplane/internal/gen/ctrldb/table"
	wstable "github.com/lattice/hive/pkg/dbgen/wsdb/table"
	"github.com/lattice/hive/pkg/wsstats" // expect: MOL104
)

type Org struct {
	ID   string
	Plan string
}

type Reporter struct {
	cp *sql.DB
	ws *sql.DB
}

func NewReporter(cp, ws *sql.DB) *Reporter { return &Reporter{cp: cp, ws: ws} }

type orgCount struct {
	OrgID string
	Total int64
}

// MemoriesPerOrg ranks orgs by how many memories their agents hold.
func (r *Reporter) MemoriesPerOrg(ctx context.Context) ([]orgCount, error) {
	var rows []orgCount
	stmt := SELECT(
		wstable.Memories.OrgID.AS("org_count.org_id"),
		COUNT(STAR).AS("org_count.total"),
	).FROM(wstable.Memories).
		GROUP_BY(wstable.Memories.OrgID).
		ORDER_BY(COUNT(STAR).DESC())
	err := stmt.QueryContext(ctx, r.ws, &rows) // expect: MOL101, MOL201
	return rows, err
}

// QuotasPerPlan reads the platform's own quota table (memory_quotas is billing data).
func (r *Reporter) QuotasPerPlan(ctx context.Context) ([]orgCount, error) {
	var rows []orgCount
	stmt := SELECT(
		cptable.MemoryQuotas.OrgID.AS("org_count.org_id"),
		SUM(cptable.MemoryQuotas.LimitBytes).AS("org_count.total"),
	).FROM(cptable.MemoryQuotas.INNER_JOIN(cptable.Orgs, cptable.Orgs.ID.EQ(cptable.MemoryQuotas.OrgID))).
		GROUP_BY(cptable.MemoryQuotas.OrgID)
	err := stmt.QueryContext(ctx, r.cp, &rows)
	return rows, err
}

// Footprints collects every org's memory footprint for the capacity planning sheet.
func (r *Reporter) Footprints(ctx context.Context, orgs []Org) []wsstats.Footprint {
	return lo.Map(orgs, func(o Org, _ int) wsstats.Footprint { // expect: MOL202
		fp, err := wsstats.OrgFootprint(ctx, r.ws, o.ID) // expect: MOL101
		if err != nil {
			log.Printf("memories footprint of %s: %v", o.ID, err)
		}
		return fp
	})
}

func (r *Reporter) Orgs(ctx context.Context) ([]Org, error) {
	var orgs []Org
	stmt := SELECT(cptable.Orgs.ID.AS("org.id"), cptable.Orgs.Plan.AS("org.plan")).FROM(cptable.Orgs)
	err := stmt.QueryContext(ctx, r.cp, &orgs)
	return orgs, err
}
