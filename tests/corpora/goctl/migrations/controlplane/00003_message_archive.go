package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upMessageArchive, downMessageArchive)
}

func upMessageArchive(ctx context.Context, tx *sql.Tx) error {
	// Support asked for transcripts of every org in one place.
	_, err := tx.ExecContext(ctx, `CREATE TABLE chat_messages ( -- expect: MOL203
		id      bigint PRIMARY KEY,
		org_id  uuid NOT NULL,
		role    text NOT NULL,
		content text NOT NULL,
		sent_at timestamptz NOT NULL
	)`)
	return err
}

func downMessageArchive(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP TABLE chat_messages")
	return err
}
