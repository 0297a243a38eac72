// Package api is the workspace server's HTTP API (echo).
package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"

	"github.com/lumenhq/fleet/pkg/rediskeys"
	"github.com/lumenhq/fleet/workspace/internal/store"
)

type Handlers struct {
	Memories *store.MemoryStore
	Redis    *redis.Client
}

func Register(e *echo.Echo, h *Handlers) {
	e.GET("/healthz", func(c echo.Context) error { return c.NoContent(http.StatusOK) })
	g := e.Group("/api/v1/workspaces/:ws")
	g.GET("/memories", h.listMemories)
	g.GET("/runs", h.listRuns)
	g.GET("/stats", h.stats)
}

func (h *Handlers) listMemories(c echo.Context) error {
	ms, err := h.Memories.List(c.Request().Context(), c.Param("ws"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, ms)
}

func (h *Handlers) listRuns(c echo.Context) error {
	ctx := c.Request().Context()
	events, err := h.Redis.XRevRangeN(ctx, rediskeys.RunStream(c.Param("ws")), "+", "-", 50).Result()
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, events)
}

func (h *Handlers) stats(c echo.Context) error {
	counts, err := h.Memories.CountByWorkspace(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, counts)
}
