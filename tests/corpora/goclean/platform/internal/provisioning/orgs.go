// Package provisioning owns orgs, hosts and DNS.
package provisioning

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jmoiron/sqlx"

	"github.com/acme/lattice/libs/tables"
	"github.com/acme/lattice/platform/internal/ports"
)

type OrgRepo struct {
	db *sqlx.DB
}

func NewOrgRepo(db *sqlx.DB) *OrgRepo { return &OrgRepo{db: db} }

func (r *OrgRepo) ListOrgs(ctx context.Context) ([]ports.Org, error) {
	q, args, err := sq.Select("id", "slug").From(tables.Orgs).PlaceholderFormat(sq.Dollar).ToSql()
	if err != nil {
		return nil, err
	}
	var out []ports.Org
	err = r.db.SelectContext(ctx, &out, q, args...)
	return out, err
}

// JobsPerOrg is the provisioning dashboard: provision_jobs is a control-plane table.
func (r *OrgRepo) JobsPerOrg(ctx context.Context) ([]struct {
	OrgID string `db:"org_id"`
	N     int    `db:"n"`
}, error) {
	var out []struct {
		OrgID string `db:"org_id"`
		N     int    `db:"n"`
	}
	err := r.db.SelectContext(ctx, &out, `SELECT org_id, count(*) AS n FROM provision_jobs GROUP BY org_id`)
	return out, err
}

// EnqueueJob records a provisioning job with a named query.
func (r *OrgRepo) EnqueueJob(ctx context.Context, orgID, state string) error {
	_, err := r.db.NamedExecContext(ctx, `INSERT INTO provision_jobs (org_id, state) VALUES (:org_id, :state)`,
		map[string]any{"org_id": orgID, "state": state})
	return err
}
