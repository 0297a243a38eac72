// Package fleetstats computes the numbers both the canvas' org dashboard
// and ops reports show.
package fleetstats

import (
	"context"
	"database/sql"

	"github.com/Molecule-AI/molecule-workspace/pkg/wsstore"
)

// Snapshot is one org's usage picture.
type Snapshot struct {
	Workspaces int
	Memories   int
}

// Take computes a snapshot on the given connection.
func Take(ctx context.Context, db *sql.DB) (Snapshot, error) {
	n, err := wsstore.CountActive(ctx, db)
	if err != nil {
		return Snapshot{}, err
	}
	perWS, err := wsstore.NewMemoryStore(db).CountByWorkspace(ctx)
	if err != nil {
		return Snapshot{}, err
	}
	total := 0
	for _, c := range perWS {
		total += c
	}
	return Snapshot{Workspaces: n, Memories: total}, nil
}
