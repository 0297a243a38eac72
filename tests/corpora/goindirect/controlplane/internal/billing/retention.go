package billing

import (
	"context"
	"database/sql"
	"time"

	"github.com/orbitlabs/orbit/pkg/tables"
)

// tableStore is the shared part of the maintenance jobs: a handle and the table they work on.
type tableStore struct {
	db    *sql.DB
	table string
}

func (s tableStore) deleteBefore(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM "+s.table+" WHERE created_at < $1", cutoff) // expect: MOL101
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// RetentionJob trims old activity of every workspace after the 90 days the plan includes.
type RetentionJob struct {
	tableStore
	days int
}

func NewRetentionJob(db *sql.DB) *RetentionJob {
	return &RetentionJob{tableStore: tableStore{db: db, table: tables.Events}, days: 90}
}

func (j *RetentionJob) Run(ctx context.Context) (int64, error) {
	return j.deleteBefore(ctx, time.Now().AddDate(0, 0, -j.days))
}
