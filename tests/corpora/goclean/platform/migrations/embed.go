// Package migrations holds the control plane's goose migrations.
package migrations

import "embed"

//go:embed *.sql
var FS embed.FS
