// Package api is the workspace's Fiber HTTP API.
package api

import (
	"database/sql"

	. "github.com/go-jet/jet/v2/postgres"
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"github.com/lattice/hive/pkg/dbgen/wsdb/table"
	"github.com/lattice/hive/pkg/rediskeys"
	"github.com/lattice/hive/workspace/internal/config"
	"github.com/lattice/hive/workspace/internal/db"
)

type Handlers struct {
	cfg   *config.Config
	db    *sql.DB
	pg    *pgxpool.Pool
	pools *db.Pools
	rdb   *redis.Client
}

func New(cfg *config.Config, sqlDB *sql.DB, pg *pgxpool.Pool, rdb *redis.Client) *Handlers {
	return &Handlers{cfg: cfg, db: sqlDB, pg: pg, pools: db.NewPools(cfg.Database.PerOrgDSN), rdb: rdb}
}

func (h *Handlers) Register(app *fiber.App) {
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusOK) })
	app.Use(func(c *fiber.Ctx) error {
		c.Locals("org", c.Get("X-Org-ID"))
		return c.Next()
	})
	orgs := app.Group("/orgs/:org")
	orgs.Get("/memories", h.ListMemories)
	orgs.Get("/activity", h.Activity)
	orgs.Get("/messages", h.Messages)
	orgs.Get("/stats", h.Stats)
}

type memoryRow struct {
	ID      string
	Content string
}

// ListMemories serves this host's own org only.
func (h *Handlers) ListMemories(c *fiber.Ctx) error {
	if c.Params("org") != h.cfg.OrgID {
		return fiber.ErrForbidden
	}
	var out []memoryRow
	stmt := SELECT(table.Memories.ID.AS("memory_row.id"), table.Memories.Content.AS("memory_row.content")).
		FROM(table.Memories).
		WHERE(table.Memories.OrgID.EQ(String(h.cfg.OrgID))).
		ORDER_BY(table.Memories.CreatedAt.DESC()).
		LIMIT(100)
	if err := stmt.QueryContext(c.UserContext(), h.db, &out); err != nil {
		return err
	}
	ids, _ := h.rdb.LRange(c.UserContext(), rediskeys.RecentMemories(h.cfg.OrgID), 0, 20).Result()
	return c.JSON(fiber.Map{"memories": out, "recent": ids})
}

// Activity reads the org database named by the caller's header.
func (h *Handlers) Activity(c *fiber.Ctx) error {
	org := c.Get("X-Org-ID")
	pool, err := h.pools.For(c.UserContext(), org) // expect: MOL302
	if err != nil {
		return err
	}
	rows, err := pool.Query(c.UserContext(), "SELECT kind, created_at FROM activity_events ORDER BY id DESC LIMIT 50")
	if err != nil {
		return err
	}
	defer rows.Close()
	return c.SendStatus(fiber.StatusOK)
}

// Messages switches to the caller's schema before reading.
func (h *Handlers) Messages(c *fiber.Ctx) error {
	org, _ := c.Locals("org").(string)
	if _, err := h.pg.Exec(c.UserContext(), "SET search_path TO "+db.SchemaFor(org)); err != nil {
		return err
	}
	rows, err := h.pg.Query(c.UserContext(), "SELECT id, role, body FROM messages ORDER BY created_at DESC LIMIT 50")
	if err != nil {
		return err
	}
	defer rows.Close()
	return c.SendStatus(fiber.StatusOK)
}

type kindCount struct {
	Kind  string
	Total int64
}

// Stats aggregates this org's own activity: one org per host, so no cross-org view.
func (h *Handlers) Stats(c *fiber.Ctx) error {
	var out []kindCount
	stmt := SELECT(table.ActivityEvents.Kind.AS("kind_count.kind"), COUNT(STAR).AS("kind_count.total")).
		FROM(table.ActivityEvents).
		GROUP_BY(table.ActivityEvents.Kind)
	if err := stmt.QueryContext(c.UserContext(), h.db, &out); err != nil {
		return err
	}
	return c.JSON(out)
}
