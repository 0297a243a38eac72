package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upMemoryCache, downMemoryCache)
}

func upMemoryCache(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `CREATE TABLE agent_memories ( -- expect: MOL203
		id BIGINT PRIMARY KEY, org_id UUID NOT NULL, workspace_id UUID NOT NULL, content TEXT NOT NULL)`)
	return err
}

func downMemoryCache(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DROP TABLE agent_memories`)
	return err
}
