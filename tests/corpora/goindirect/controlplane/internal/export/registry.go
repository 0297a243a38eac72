// Package export dumps data sets for the admin CLI; each data set registers itself.
package export

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

type exporter func(ctx context.Context, db *sql.DB, w io.Writer) error

var exporters = map[string]exporter{}

// tableOf maps a data set to the table behind it, filled by each exporter's init.
var tableOf = map[string]string{}

func register(name, table string, fn exporter) {
	exporters[name] = fn
	tableOf[name] = table
}

// Run exports the named data set.
func Run(ctx context.Context, db *sql.DB, name string, w io.Writer) error {
	fn, ok := exporters[name]
	if !ok {
		return fmt.Errorf("unknown data set %q", name)
	}
	return fn(ctx, db, w)
}
