// Package export builds an org's GDPR export archive.
package export

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/workspace/store" // expect: MOL104
)

// Memories writes a workspace's memories into the archive, reading the org's database directly.
func Memories(ctx context.Context, pool *pgxpool.Pool, orgID, workspaceID string, w io.Writer) error {
	mems, err := store.NewStore(pool, orgID).ListMemories(ctx, workspaceID)  // expect: MOL101
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	f, err := zw.Create("memories.json")
	if err != nil {
		return err
	}
	if err := json.NewEncoder(f).Encode(mems); err != nil {
		return err
	}
	return zw.Close()
}
