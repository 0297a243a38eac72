// Package queries holds the control plane's SQL, one file per statement.
package queries

import (
	"embed"
	"fmt"
)

//go:embed sql/*.sql
var files embed.FS

func load(name string) string {
	b, err := files.ReadFile("sql/" + name + ".sql")
	if err != nil {
		panic(fmt.Sprintf("queries: %s: %v", name, err))
	}
	return string(b)
}

var (
	ListOrgs       = load("list_orgs")
	BillingRollup  = load("billing_rollup")
	MemoryCounts   = load("memory_counts")
	ScheduleCounts = load("schedule_counts")
)
