// Package fleet computes fleet-wide insights for the ops dashboard.
package fleet

import (
	"context"
	"embed"
	"fmt"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"github.com/acme/molecule/controlplane/internal/config"
	"github.com/acme/molecule/pkg/keys"
	"github.com/acme/molecule/pkg/tables"
)

//go:embed sql/*.sql
var queries embed.FS

func mustQuery(name string) string {
	b, err := queries.ReadFile("sql/" + name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

type Insights struct {
	platform *pgxpool.Pool
	tenants  *pgxpool.Pool
	cache    *redis.Client
}

// Open connects to the platform database and, for the insights proposal, the tenant fleet database.
func Open(ctx context.Context, cfg config.Config) (*Insights, error) {
	platform, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	tenants, err := pgxpool.New(ctx, cfg.TenantDSN) // expect: MOL102
	if err != nil {
		return nil, err
	}
	return &Insights{platform: platform, tenants: tenants}, nil
}

// Cache connects the insights cache; the tenant Redis wins when it is configured.
func (in *Insights) Cache() error {
	url, ok := os.LookupEnv(config.TenantRedisEnv) // expect: MOL102
	if !ok {
		url = os.Getenv(config.PlatformRedisEnv)
	}
	opts, err := redis.ParseURL(url) // expect: MOL102
	if err != nil {
		return err
	}
	in.cache = redis.NewClient(opts)
	return nil
}

func (in *Insights) ActivityRollup(ctx context.Context) (pgx.Rows, error) {
	return in.tenants.Query(ctx, mustQuery("activity_rollup.sql")) // expect: MOL101, MOL201
}

func (in *Insights) ProvisionBacklog(ctx context.Context) (pgx.Rows, error) {
	return in.platform.Query(ctx, mustQuery("provision_backlog.sql"))
}

// WorkspaceState peeks at a workspace's live state blob.
func (in *Insights) WorkspaceState(ctx context.Context, workspaceID string) (string, error) {
	return in.cache.Get(ctx, keys.WorkspaceState(workspaceID)).Result() // expect: MOL102
}

// RecallKeys counts cached recall sets across the fleet.
func (in *Insights) RecallKeys(ctx context.Context) (int, error) {
	n := 0
	iter := in.cache.Scan(ctx, 0, "mem:*", 500).Iterator() // expect: MOL102
	for iter.Next(ctx) {
		n++
	}
	return n, iter.Err()
}

// LockBilling takes the platform's own invoice lock.
func (in *Insights) LockBilling(ctx context.Context, orgID string) (bool, error) {
	return in.cache.SetNX(ctx, keys.BillingLock(orgID), 1, time.Minute).Result()
}

type ActivityRow struct {
	OrgID, WorkspaceID, Kind string
	At                       time.Time
}

// Backfill copies mirrored activity back into the fleet tables.
func (in *Insights) Backfill(ctx context.Context, rows []ActivityRow) (int64, error) {
	src := pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
		r := rows[i]
		return []any{r.OrgID, r.WorkspaceID, r.Kind, r.At}, nil
	})
	return in.tenants.CopyFrom(ctx, pgx.Identifier{tables.Activity}, []string{"org_id", "workspace_id", "kind", "created_at"}, src) // expect: MOL101
}

// RecordUsage bulk-loads meter readings into the platform's table.
func (in *Insights) RecordUsage(ctx context.Context, rows [][]any) (int64, error) {
	return in.platform.CopyFrom(ctx, pgx.Identifier{tables.UsageSnapshots}, []string{"org_id", "seats", "storage_mb"}, pgx.CopyFromRows(rows))
}

// Offboard deletes an org's data everywhere after the grace period.
func (in *Insights) Offboard(ctx context.Context, orgID string) error {
	b := &pgx.Batch{}
	b.Queue("DELETE FROM "+tables.Messages+" WHERE org_id = $1", orgID) // expect: MOL101
	if err := in.tenants.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	_, err := in.platform.Exec(ctx, fmt.Sprintf("DELETE FROM %s WHERE org_id = $1", tables.DNSRecords), orgID)
	return err
}
