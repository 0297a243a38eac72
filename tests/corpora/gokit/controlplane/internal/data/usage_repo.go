package data

import (
	"context"
	"fmt"

	sq "github.com/Masterminds/squirrel"

	"github.com/acme/fleet/controlplane/internal/biz"
	"github.com/acme/fleet/pkg/storage"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

type usageRepo struct {
	data *Data
}

func NewUsageRepo(d *Data) biz.UsageRepo {
	return &usageRepo{data: d}
}

func memoriesPerOrgSQL() string {
	return fmt.Sprintf("SELECT org_id, count(*) FROM %s GROUP BY org_id", storage.MemoriesTable)
}

// MemoriesPerOrg reads the reporting replica for the fleet dashboard.
func (r *usageRepo) MemoriesPerOrg(ctx context.Context) ([]biz.OrgUsage, error) {
	rows, err := r.data.replica.QueryContext(ctx, memoriesPerOrgSQL()) // expect: MOL101, MOL201
	if err != nil {
		return nil, err
	}
	counts, err := scanUsage(rows)
	if err != nil {
		return nil, err
	}
	out := make([]biz.OrgUsage, 0, len(counts))
	for _, c := range counts {
		out = append(out, biz.OrgUsage{OrgID: c.org, Count: c.n})
	}
	return out, nil
}

func (r *usageRepo) RunsForOrg(ctx context.Context, orgID string) (int64, error) {
	var n int64
	err := psql.Select("count(*)"). // expect: MOL101
		From(storage.RunsTable).
		Where(sq.Eq{"org_id": orgID}).
		RunWith(r.data.replica).
		QueryRowContext(ctx).
		Scan(&n)
	return n, err
}
