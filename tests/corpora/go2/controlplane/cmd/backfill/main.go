// backfill copies each org's memory count into usage_snapshots once, for the new pricing.
package main

import (
	"context"
	"database/sql"
	"log"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/lumenhq/fleet/controlplane/internal/config"
	"github.com/lumenhq/fleet/controlplane/internal/queries"
)

func main() {
	ctx := context.Background()
	control, err := sql.Open("pgx", config.MustEnv(config.KeyControlDBURL))
	if err != nil {
		log.Fatal(err)
	}
	dsn := config.MustEnv(config.KeyWorkspaceDSN) // expect: MOL102
	workspace, err := sql.Open("pgx", dsn) // expect: MOL102
	if err != nil {
		log.Fatal(err)
	}
	var orgID string
	var n int64
	err = workspace.QueryRowContext(ctx, "SELECT org_id, count(*) FROM workspace_memories GROUP BY org_id LIMIT 1").Scan(&orgID, &n) // expect: MOL101, MOL201
	if err != nil {
		log.Fatal(err)
	}
	if _, err := control.ExecContext(ctx, queries.UsageSnapshotInsert, orgID, n); err != nil {
		log.Fatal(err)
	}
}
