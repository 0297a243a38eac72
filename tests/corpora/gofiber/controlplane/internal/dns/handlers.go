// Package dns manages the per-org records that point at each tenant host.
package dns

import (
	"context"
	"database/sql"

	"github.com/gofiber/fiber/v2"
)

type Handlers struct {
	db *sql.DB
}

func NewHandlers(db *sql.DB) *Handlers { return &Handlers{db: db} }

func (h *Handlers) Upsert(c *fiber.Ctx) error {
	var body struct {
		FQDN   string `json:"fqdn"`
		Target string `json:"target"`
	}
	if err := c.BodyParser(&body); err != nil {
		return fiber.ErrBadRequest
	}
	_, err := h.db.ExecContext(c.UserContext(),
		`INSERT INTO dns_records (org_id, fqdn, target) VALUES ($1, $2, $3)`, c.Params("org"), body.FQDN, body.Target)
	return err
}

// countRows is only ever given the platform's own tables.
func countRows(ctx context.Context, db *sql.DB, table string) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n, err
}

// Stats feeds the DNS admin page. (The workspace keeps its messages and memories elsewhere.)
func (h *Handlers) Stats(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, t := range []string{"dns_records", "provision_jobs"} {
		n, err := countRows(ctx, h.db, t)
		if err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}
