// Package memview renders memories for humans (CLI, support tooling).
package memview

import (
	"fmt"

	"github.com/acme/lattice/tenant/store"
)

// Render formats one memory row.
func Render(m store.Memory) string {
	return fmt.Sprintf("[%s] %s", m.CreatedAt.Format("2006-01-02"), m.Content)
}
