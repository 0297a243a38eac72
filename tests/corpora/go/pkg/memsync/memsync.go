// Package memsync copies memories between workspaces of one org (used by workspace templates).
package memsync

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/workspace/store"
)

// Copy duplicates every memory of src into dst.
func Copy(ctx context.Context, pool *pgxpool.Pool, orgID, src, dst string) error {
	s := store.NewStore(pool, orgID)
	mems, err := s.ListMemories(ctx, src)
	if err != nil {
		return err
	}
	for _, m := range mems {
		if err := s.AddMemory(ctx, dst, m.Content); err != nil {
			return err
		}
	}
	return nil
}
