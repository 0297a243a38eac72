package gojobs

import (
	"context"
	"database/sql"
	_ "embed"
)

//go:embed memories.sql
var memoriesSQL string

//go:embed quotas.sql
var quotasSQL string

func Embedded(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, quotasSQL)
	db.QueryContext(ctx, memoriesSQL) // expect: MOL101, MOL201
}
