package workflows

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Activities run on the fleet worker; WS is the workspace database pool, CP the control plane's.
type Activities struct {
	WS *pgxpool.Pool
	CP *sql.DB
}

func (a *Activities) ListOrgs(ctx context.Context) ([]string, error) {
	rows, err := a.CP.QueryContext(ctx, listOrgsSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (a *Activities) CountMessages(ctx context.Context, orgID string) (int64, error) {
	var n int64
	err := a.WS.QueryRow(ctx, countMessagesSQL, orgID).Scan(&n) // expect: MOL101
	return n, err
}

func (a *Activities) ReconcileDNS(ctx context.Context, orgID string) error {
	_, err := a.CP.ExecContext(ctx, staleDNSSQL, orgID, "lb.lattice.internal")
	return err
}
