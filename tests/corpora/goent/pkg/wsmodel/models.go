// Package wsmodel holds bun models of workspace rows, shared by the workspace exporter and importer.
package wsmodel

import (
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
)

type AgentMessage struct {
	bun.BaseModel `bun:"table:agent_messages,alias:am"`

	ID       uuid.UUID `bun:",pk"`
	OrgID    uuid.UUID `bun:"org_id"`
	ThreadID uuid.UUID `bun:"thread_id"`
	Role     string    `bun:"role"`
	Body     string    `bun:"body"`
}

type Schedule struct {
	bun.BaseModel `bun:"table:schedules"`

	ID        uuid.UUID  `bun:",pk"`
	OrgID     uuid.UUID  `bun:"org_id"`
	Cron      string     `bun:"cron"`
	NextRunAt *time.Time `bun:"next_run_at"`
}
