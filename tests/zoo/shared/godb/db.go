// Package godb: helpers that run what they are given; only their callers' arguments name a table.
package godb

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/zoo/shared/gotables"
)

func Fetch(ctx context.Context, db *sql.DB, table, orgID string) (*sql.Rows, error) {
	return db.QueryContext(ctx, fmt.Sprintf("SELECT * FROM %s WHERE org_id = $1", table), orgID)
}

// CountSQL is a builder: it names no table itself, the SQL is its return value.
func CountSQL(table string) string {
	return "SELECT count(*) FROM " + table
}

// Build returns the query with an error, as Go builders do.
func Build(kind string) (string, error) {
	table, ok := gotables.TablesByKind[kind]
	if !ok {
		return "", fmt.Errorf("no table for %q", kind)
	}
	return "SELECT * FROM " + table, nil
}

// Enabled lists the orgs to visit: its name says nothing of orgs, its query does.
func Enabled(ctx context.Context, db *sql.DB) []string {
	rows, _ := db.QueryContext(ctx, "SELECT id FROM orgs WHERE enabled")
	return scanIDs(rows)
}

func scanIDs(rows *sql.Rows) []string {
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}
