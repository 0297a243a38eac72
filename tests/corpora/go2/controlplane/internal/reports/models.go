package reports

import (
	"time"

	"github.com/uptrace/bun"
)

// invoice is billing's own table.
type invoice struct {
	bun.BaseModel `bun:"table:invoices,alias:i"`

	ID          int64     `bun:",pk,autoincrement"`
	OrgID       string    `bun:"org_id"`
	AmountCents int64     `bun:"amount_cents"`
	IssuedAt    time.Time `bun:"issued_at"`
}

// chatMessage maps the workspace servers' message table for the engagement report.
type chatMessage struct {
	bun.BaseModel `bun:"table:chat_messages,alias:cm"`

	ID        int64     `bun:",pk"`
	OrgID     string    `bun:"org_id"`
	Body      string    `bun:"body"`
	CreatedAt time.Time `bun:"created_at"`
}

type orgCount struct {
	OrgID string `bun:"org_id"`
	N     int64  `bun:"n"`
}
