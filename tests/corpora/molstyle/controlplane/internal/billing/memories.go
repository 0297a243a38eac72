package billing

import (
	"context"
	"database/sql"

	"github.com/Molecule-AI/molecule-workspace/pkg/wsstore" // expect: MOL104
)

// StorageUnits bills memory storage: one unit per 1,000 memories.
// Reuses the workspace-server's store so the count matches the canvas.
func StorageUnits(ctx context.Context, tenantDB *sql.DB) (int, error) {
	perWS, err := wsstore.NewMemoryStore(tenantDB).CountByWorkspace(ctx) // expect: MOL101
	if err != nil {
		return 0, err
	}
	total := 0
	for _, n := range perWS {
		total += n
	}
	return (total + 999) / 1000, nil
}
