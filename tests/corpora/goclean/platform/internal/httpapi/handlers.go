// Package httpapi is the control plane's admin API (Echo).
package httpapi

import (
	"net/http"
	"os"

	"github.com/labstack/echo/v4"

	"github.com/acme/lattice/libs/envkeys"
	"github.com/acme/lattice/platform/internal/fleet"
)

type Handlers struct {
	reporter *fleet.Reporter
	runtime  *fleet.RuntimeClient
}

func NewHandlers(reporter *fleet.Reporter, runtime *fleet.RuntimeClient) *Handlers {
	return &Handlers{reporter: reporter, runtime: runtime}
}

func Register(e *echo.Echo, h *Handlers) {
	e.GET("/admin/fleet/memories", h.totalMemories)
	e.GET("/admin/orgs/:slug/version", h.version)
	e.GET("/admin/debug/plugin", h.pluginTarget)
}

func (h *Handlers) totalMemories(c echo.Context) error {
	n, err := h.reporter.TotalMemories(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int64{"memories": n})
}

func (h *Handlers) version(c echo.Context) error {
	resp, err := h.runtime.Version(c.Param("slug"))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "runtime unreachable")
	}
	defer resp.Body.Close()
	return c.NoContent(resp.StatusCode)
}

// pluginTarget shows which memory plugin the support shell would use; set MEMORY_PLUGIN_URL locally.
func (h *Handlers) pluginTarget(c echo.Context) error {
	target := os.Getenv(envkeys.MemoryPlugin) // expect: MOL102
	return c.String(http.StatusOK, target)
}
