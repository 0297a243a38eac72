// Package sqlt renders SQL from text/template, for the few statements whose table varies.
package sqlt

import (
	"strings"
	"text/template"
)

var purge = template.Must(template.New("purge").Parse(
	`DELETE FROM {{.Table}} WHERE org_id = $1 AND created_at < $2`))

// Purge renders the retention DELETE for table.
func Purge(table string) string {
	var b strings.Builder
	if err := purge.Execute(&b, struct{ Table string }{table}); err != nil {
		panic(err)
	}
	return b.String()
}
