// Package fleet watches the fleet of workspace servers.
package fleet

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/models"
	"github.com/orbitlabs/orbit/pkg/tables"
)

// ListOrgs reads every provisioned org from the platform's own table.
func ListOrgs(ctx context.Context, pool *pgxpool.Pool) ([]models.Org, error) {
	rows, err := pool.Query(ctx, "SELECT id, workspace_id, db_schema, host FROM "+tables.Orgs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var orgs []models.Org
	for rows.Next() {
		var o models.Org
		if err := rows.Scan(&o.ID, &o.WorkspaceID, &o.Schema, &o.Host); err != nil {
			return nil, err
		}
		orgs = append(orgs, o)
	}
	return orgs, rows.Err()
}
