package fleet

import (
	"io"

	"github.com/acme/lattice/libs/memview" // expect: MOL104
	"github.com/acme/lattice/tenant/store" // expect: MOL104
)

// WriteExport renders memories fetched from a host for the support download.
func WriteExport(w io.Writer, memories []store.Memory) error {
	for _, m := range memories {
		if _, err := io.WriteString(w, memview.Render(m)+"\n"); err != nil {
			return err
		}
	}
	return nil
}
