package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upDNSTTL, downDNSTTL)
}

func upDNSTTL(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "ALTER TABLE dns_records ADD COLUMN ttl integer NOT NULL DEFAULT 300")
	return err
}

func downDNSTTL(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "ALTER TABLE dns_records DROP COLUMN ttl")
	return err
}
