// Package sqlq builds the few dynamic statements the services need.
package sqlq

import (
	"fmt"
	"strings"
)

// Count is `SELECT count(*) FROM table [WHERE cond AND ...]`.
func Count(table string, where ...string) string {
	var b strings.Builder
	b.WriteString("SELECT count(*) FROM ")
	b.WriteString(table)
	if len(where) > 0 {
		b.WriteString(" WHERE ")
		b.WriteString(strings.Join(where, " AND "))
	}
	return b.String()
}

// Select is `SELECT cols FROM table`.
func Select(table string, cols ...string) string {
	return fmt.Sprintf("SELECT %s FROM %s", strings.Join(cols, ", "), table)
}
