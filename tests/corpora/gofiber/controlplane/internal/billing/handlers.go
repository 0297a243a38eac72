package billing

import (
	"context"
	"database/sql"
	"log"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/volatiletech/sqlboiler/v4/queries/qm"

	"github.com/lattice/hive/pkg/dbgen/wsmodels"
)

type Handlers struct {
	db *sql.DB
	ws *sql.DB
}

func NewHandlers(db *sql.DB) *Handlers { return &Handlers{db: db} }

const insertInvoice = `INSERT INTO usage_invoices (org_id, period, messages_billed, amount_usd)
VALUES ($1, $2, $3, $4)`

// CreateInvoice bills the messages the workspace reported (never the messages table itself).
func (h *Handlers) CreateInvoice(c *fiber.Ctx) error {
	org := c.Params("org")
	var body struct {
		Period   string `json:"period"`
		Messages int64  `json:"messages"`
	}
	if err := c.BodyParser(&body); err != nil {
		return fiber.ErrBadRequest
	}
	log.Printf("billing %d messages for org %s", body.Messages, org)
	_, err := h.db.ExecContext(c.UserContext(), insertInvoice, org, body.Period, body.Messages, price(body.Messages))
	return err
}

func (h *Handlers) MemoryQuota(c *fiber.Ctx) error {
	var limit int64
	err := h.db.QueryRowContext(c.UserContext(), "SELECT limit_bytes FROM memory_quotas WHERE org_id = $1", c.Params("org")).Scan(&limit)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"limit_bytes": limit})
}

// MessagesThisMonth is what the finance dashboard shows: every message sent on the fleet.
func (h *Handlers) MessagesThisMonth(ctx context.Context) (int64, error) {
	from := time.Now().AddDate(0, 0, -time.Now().Day()+1)
	return wsmodels.Messages(qm.Where("created_at >= ?", from)).Count(ctx, h.ws) // expect: MOL101, MOL201
}

func price(messages int64) float64 { return float64(messages) * 0.0004 }
