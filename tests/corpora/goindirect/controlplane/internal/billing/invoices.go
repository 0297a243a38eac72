package billing

import (
	"context"
	"database/sql"

	"github.com/orbitlabs/orbit/pkg/tables"
)

// invoiceStore embeds its own table store: the platform's invoices, never a workspace table.
type invoiceStore struct {
	db    *sql.DB
	table string
}

func (s invoiceStore) forOrg(ctx context.Context, orgID string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, amount_usd, period FROM "+s.table+" WHERE org_id = $1", orgID)
}

type InvoiceReader struct {
	invoiceStore
}

func NewInvoiceReader(db *sql.DB) *InvoiceReader {
	return &InvoiceReader{invoiceStore: invoiceStore{db: db, table: tables.Invoices}}
}

func (r *InvoiceReader) List(ctx context.Context, orgID string) (*sql.Rows, error) {
	return r.forOrg(ctx, orgID)
}
