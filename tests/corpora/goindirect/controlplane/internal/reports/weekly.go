// Package reports writes the weekly fleet report.
package reports

import (
	"context"
	"fmt"
	"io"
)

// Source is where the weekly numbers come from; main wires the Postgres one.
type Source interface {
	Total(ctx context.Context) (int64, error)
}

type Weekly struct {
	src Source
	out io.Writer
}

func NewWeekly(src Source, out io.Writer) *Weekly { return &Weekly{src: src, out: out} }

func (w *Weekly) Write(ctx context.Context) error {
	n, err := w.src.Total(ctx) // expect: MOL101
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w.out, "schedules defined: %d\n", n)
	return err
}
