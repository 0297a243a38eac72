package fleet

import (
	"context"
	"io"

	"github.com/uptrace/bun"

	"example.com/tally/pkg/archive" // expect: MOL104
	"example.com/tally/runtime/memstore" // expect: MOL104
)

// Export writes an org's memories for a GDPR request.
func Export(ctx context.Context, db *bun.DB, org string, w io.Writer) error {
	return archive.Export(ctx, memstore.New(db), org, w) // expect: MOL101
}
