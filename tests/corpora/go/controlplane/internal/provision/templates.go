package provision

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/pkg/memsync" // expect: MOL104
)

// SeedFromTemplate copies a template workspace's memories into a new workspace at provisioning time.
func SeedFromTemplate(ctx context.Context, pool *pgxpool.Pool, orgID, template, ws string) error {
	return memsync.Copy(ctx, pool, orgID, template, ws)  // expect: MOL101
}
