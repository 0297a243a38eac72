// Package orgs is the control plane's registry of customer orgs.
package orgs

import (
	"context"
	"database/sql"

	"github.com/lumenhq/fleet/controlplane/internal/queries"
)

type Org struct {
	ID          string
	Slug        string
	WorkspaceID string
}

type Repo struct{ db *sql.DB }

func NewRepo(db *sql.DB) *Repo { return &Repo{db: db} }

func (r *Repo) ListActive(ctx context.Context) ([]Org, error) {
	rows, err := r.db.QueryContext(ctx, queries.ActiveOrgs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Org
	for rows.Next() {
		var o Org
		if err := rows.Scan(&o.ID, &o.Slug, &o.WorkspaceID); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
