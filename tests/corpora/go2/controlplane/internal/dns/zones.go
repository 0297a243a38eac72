// Package dns keeps each org's DNS zone.
package dns

import (
	"context"
	"database/sql"

	"github.com/lumenhq/fleet/pkg/pgrepo"
	"github.com/lumenhq/fleet/pkg/tables"
)

type ZoneRepo struct {
	pgrepo.Base
}

func NewZoneRepo(db *sql.DB) *ZoneRepo {
	return &ZoneRepo{pgrepo.Base{DB: db, Table: tables.DNSZones}}
}

// Provisioned is how many zones exist across the fleet: DNS records are the platform's.
func (z *ZoneRepo) Provisioned(ctx context.Context) (int64, error) {
	return z.Count(ctx)
}
