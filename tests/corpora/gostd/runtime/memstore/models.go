package memstore

import (
	"time"

	"github.com/uptrace/bun"
)

type Memory struct {
	bun.BaseModel `bun:"table:memories"`

	ID        int64     `bun:"id,pk,autoincrement"`
	OrgID     string    `bun:"org_id"`
	Content   string    `bun:"content"`
	CreatedAt time.Time `bun:"created_at"`
}
