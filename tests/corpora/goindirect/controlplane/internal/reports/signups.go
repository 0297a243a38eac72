package reports

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/models"
	"github.com/orbitlabs/orbit/pkg/pgrepo"
)

// Signups counts provisioned orgs and issued invoices: the generic repository over platform rows.
func Signups(ctx context.Context, pool *pgxpool.Pool) (orgs, invoices int64, err error) {
	if orgs, err = pgrepo.New[models.Org](pool).Count(ctx); err != nil {
		return 0, 0, err
	}
	invoices, err = pgrepo.New[models.Invoice](pool).Count(ctx)
	return orgs, invoices, err
}

// StoredMemories is the fleet's memory volume, through the same generic repository.
func StoredMemories(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	return pgrepo.New[models.Memory](pool).Count(ctx) // expect: MOL101, MOL201
}
