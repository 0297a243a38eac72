// Package httpapi serves the workspace API of one org host.
package httpapi

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/acme/lattice/tenant/store"
)

type Handlers struct {
	memories *store.MemoryRepo
}

func NewHandlers(m *store.MemoryRepo) *Handlers { return &Handlers{memories: m} }

func Register(e *echo.Echo, h *Handlers) {
	e.GET("/healthz", func(c echo.Context) error { return c.NoContent(http.StatusOK) })
	e.GET("/api/v1/workspaces/:id/memories", h.listMemories)
}

func (h *Handlers) listMemories(c echo.Context) error {
	limit, _ := strconv.ParseUint(c.QueryParam("limit"), 10, 64)
	ms, err := h.memories.Recent(c.Request().Context(), c.Param("id"), limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, ms)
}
