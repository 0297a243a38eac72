package export

import (
	"context"
	"database/sql"
	"fmt"
	"io"

	"github.com/orbitlabs/orbit/pkg/tables"
)

const (
	dsMemories = "memories"
	dsInvoices = "invoices"
)

func init() {
	register(dsMemories, tables.Memories, dumpMemories)
	register(dsInvoices, tables.Invoices, dumpInvoices)
}

func dumpMemories(ctx context.Context, db *sql.DB, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "SELECT org_id, key, content FROM "+tableOf[dsMemories]) // expect: MOL101, MOL201
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var org, key, content string
		if err := rows.Scan(&org, &key, &content); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", org, key, content)
	}
	return rows.Err()
}

func dumpInvoices(ctx context.Context, db *sql.DB, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "SELECT org_id, amount_usd FROM "+tableOf[dsInvoices])
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var org string
		var amount float64
		if err := rows.Scan(&org, &amount); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%.2f\n", org, amount)
	}
	return rows.Err()
}

// KindCount counts the records of one kind across the fleet.
func KindCount(ctx context.Context, db *sql.DB, k tables.Kind) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s", k.Table())).Scan(&n) // expect: MOL101, MOL201
	return n, err
}
