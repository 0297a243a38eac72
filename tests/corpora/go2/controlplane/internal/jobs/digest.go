// Package jobs holds the control plane's river workers.
package jobs

import (
	"context"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/lumenhq/fleet/controlplane/internal/queries"
)

// DigestArgs asks for one org's weekly digest e-mail.
type DigestArgs struct {
	OrgID string `json:"org_id"`
}

func (DigestArgs) Kind() string { return "org_digest" }

// EnqueueDigests inserts one digest job per org.
func EnqueueDigests(ctx context.Context, client *river.Client[pgx.Tx], orgIDs []string) error {
	params := make([]river.InsertManyParams, 0, len(orgIDs))
	for _, id := range orgIDs {
		params = append(params, river.InsertManyParams{Args: DigestArgs{OrgID: id}})
	}
	_, err := client.InsertMany(ctx, params)
	return err
}

type DigestWorker struct {
	river.WorkerDefaults[DigestArgs]
	Pool *pgxpool.Pool
	Log  *slog.Logger
}

func (w *DigestWorker) Work(ctx context.Context, job *river.Job[DigestArgs]) error {
	rows, err := w.Pool.Query(ctx, queries.LatestMessagesForOrg, job.Args.OrgID) // expect: MOL101
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	w.Log.Info("digest built from chat_messages", "org", job.Args.OrgID, "messages", n)
	return rows.Err()
}

// SnapshotArgs records an org's metered usage.
type SnapshotArgs struct {
	OrgID string `json:"org_id"`
	Units int64  `json:"units"`
}

func (SnapshotArgs) Kind() string { return "usage_snapshot" }

type SnapshotWorker struct {
	river.WorkerDefaults[SnapshotArgs]
	Pool *pgxpool.Pool
}

func (w *SnapshotWorker) Work(ctx context.Context, job *river.Job[SnapshotArgs]) error {
	_, err := w.Pool.Exec(ctx, queries.UsageSnapshotInsert, job.Args.OrgID, job.Args.Units)
	return err
}
