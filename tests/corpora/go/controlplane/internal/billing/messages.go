package billing

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/acme/molecule/pkg/tables"
)

type Message struct {
	OrgID  string    `db:"org_id"`
	Author string    `db:"author"`
	SentAt time.Time `db:"sent_at"`
}

// MessageRepo bills outbound messages; the table is chosen once, by the constructor.
type MessageRepo struct {
	db    *sqlx.DB
	table string
}

func NewMessageRepo(db *sqlx.DB) *MessageRepo {
	return &MessageRepo{db: db, table: tables.Messages}
}

func (r *MessageRepo) Since(ctx context.Context, t time.Time) ([]Message, error) {
	var out []Message
	err := r.db.SelectContext(ctx, &out, "SELECT org_id, author, sent_at FROM "+r.table+" WHERE sent_at > $1", t) // expect: MOL101
	return out, err
}

// DNSRepo has the same shape over a platform table.
type DNSRepo struct {
	db    *sqlx.DB
	table string
}

func NewDNSRepo(db *sqlx.DB) *DNSRepo {
	return &DNSRepo{db: db, table: tables.DNSRecords}
}

func (r *DNSRepo) ForOrg(ctx context.Context, orgID string) ([]string, error) {
	var out []string
	err := r.db.SelectContext(ctx, &out, "SELECT fqdn FROM "+r.table+" WHERE org_id = $1", orgID)
	return out, err
}
