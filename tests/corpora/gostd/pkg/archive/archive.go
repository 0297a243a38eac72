// Package archive exports an org's memories as JSON lines.
package archive

import (
	"context"
	"encoding/json"
	"io"

	"example.com/tally/runtime/memstore"
)

func Export(ctx context.Context, s *memstore.Store, org string, w io.Writer) error {
	rows, err := s.List(ctx, org)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}
