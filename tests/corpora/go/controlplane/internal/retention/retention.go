// Package retention purges old rows; jobs are configured by table kind.
package retention

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/pkg/dbx"
	"github.com/acme/molecule/pkg/tables"
)

type Job struct {
	pool *pgxpool.Pool
}

func New(pool *pgxpool.Pool) *Job { return &Job{pool: pool} }

// PurgeDNS drops DNS records of deleted orgs after 30 days.
func (j *Job) PurgeDNS(ctx context.Context) (int64, error) {
	return dbx.PurgeBefore(ctx, j.pool, tables.ByKind[tables.KindDNS], "last_checked_at", time.Now().AddDate(0, 0, -30))
}

// PurgeActivity enforces the 90-day activity retention of the free plan.
func (j *Job) PurgeActivity(ctx context.Context) (int64, error) {
	return dbx.PurgeBefore(ctx, j.pool, tables.ByKind[tables.KindActivity], "created_at", time.Now().AddDate(0, 0, -90)) // expect: MOL101
}

// ArchiveDNS moves old DNS records to cold storage.
func (j *Job) ArchiveDNS(ctx context.Context) error {
	_, err := j.pool.Exec(ctx, "DELETE FROM "+tables.Archive(tables.KindDNS)+" WHERE last_checked_at < now() - interval '1 year'")
	return err
}

// ArchiveActivity moves old activity to cold storage.
func (j *Job) ArchiveActivity(ctx context.Context) error {
	_, err := j.pool.Exec(ctx, "DELETE FROM "+tables.Archive(tables.KindActivity)+" WHERE created_at < now() - interval '1 year'") // expect: MOL101
	return err
}
